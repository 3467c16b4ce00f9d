namespace MediaVault.Core.Processing;

/// <summary>
/// What a conformed rendition must become for one profile. Audio: <see cref="Container"/> <c>flac</c> or <c>wav</c>,
/// with the sample rate and bit depth lowered where set (never raised). Images: an 8-bit sRGB JPEG (container
/// <c>jpeg</c>), centre-cropped to a square when <see cref="Square"/>. <see cref="Fixes"/> names the rules it fixes.
/// </summary>
public sealed record ReleaseConformTarget(
    string Profile,
    string Container,
    int? SampleRate,
    int? BitDepth,
    bool Square,
    IReadOnlyList<string> Fixes)
{
    /// <summary>The rendition's name, e.g. <c>conformed-spotify.flac</c>.</summary>
    public string RenditionName => $"{ReleaseConformedRenditions.Prefix}{Profile}.{(Container == "jpeg" ? "jpg" : Container)}";
}
