namespace MediaVault.Media.Vips;

internal static class VipsErrors
{
    /// <summary>libvips' message without the loader's stack of follow-up lines.</summary>
    public static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
}
