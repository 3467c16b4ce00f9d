using MediaVault.Media.Processes;

namespace MediaVault.Media.Ffmpeg;

/// <summary>A PNG that ffmpeg decoded from an original libvips may not read; disposing deletes it with its jail.</summary>
public sealed class DecodedImage(ToolJail jail, string path) : IDisposable
{
    /// <summary>The PNG on the host, for libvips to read like any trusted-format image.</summary>
    public string Path { get; } = path;

    public void Dispose() => jail.Dispose();
}
