using MediaVault.Core.Processing;

namespace MediaVault.Media.Vips;

/// <summary>Conformed cover art: an 8-bit sRGB JPEG at the image's own size (centre-cropped to a square when asked), no metadata.</summary>
public sealed class CoverArtConformer(VipsThumbnailer vips) : IReleaseConformer
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("image/", StringComparison.Ordinal) && mimeType != "image/svg+xml";

    public async Task<RenditionFile> ConformAsync(RenditionSource source, ReleaseConformTarget target, string workDirectory, CancellationToken cancellationToken)
    {
        var path = Path.Combine(workDirectory, target.RenditionName);
        var (width, height) = await vips.WriteSrgbJpegAsync(source.Path, target.Square, path, cancellationToken);
        return new RenditionFile(target.RenditionName, "image/jpeg", path, width, height);
    }
}
