namespace MediaVault.Core.Processing;

/// <summary>Names of conformed renditions: <c>conformed-{profile}.{flac|wav|jpg}</c>.</summary>
public static class ReleaseConformedRenditions
{
    public const string Prefix = "conformed-";

    /// <summary>The profile a rendition was conformed for, or null when it is not a conformed rendition.</summary>
    public static string? ProfileOf(string renditionName) =>
        renditionName.StartsWith(Prefix, StringComparison.Ordinal) && renditionName.LastIndexOf('.') is var dot && dot > Prefix.Length
            ? renditionName[Prefix.Length..dot]
            : null;
}
