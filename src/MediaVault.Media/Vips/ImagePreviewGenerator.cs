using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Vips;

/// <summary>
/// The larger WebP thumbnails of an image (<c>thumb-1024.webp</c>), made after the media is ready; the largest one's
/// decoded pixels come with it (<see cref="RenditionFile.Pixels"/>), for on-the-fly variants to scale from.
/// </summary>
public sealed class ImagePreviewGenerator(VipsThumbnailer vips, IOptions<ProcessingOptions> options) : IDeferredRenditionGenerator
{
    public bool CanHandle(string mimeType) =>
        mimeType.StartsWith("image/", StringComparison.Ordinal) && options.Value.ThumbnailSizes.Distinct().Count() > 1;

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        var smallest = options.Value.ThumbnailSizes.Min();
        return await ImageThumbnailGenerator.WriteThumbnailsAsync(
            vips, options.Value.ThumbnailSizes.Where(s => s != smallest), source.Path, workDirectory, cancellationToken, keepLargestPixels: true);
    }
}
