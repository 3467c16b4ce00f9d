using System.Globalization;
using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Vips;

/// <summary>
/// The smallest configured WebP thumbnail of an image (<c>thumb-256.webp</c>), made while processing; the larger
/// ones come from <see cref="ImagePreviewGenerator"/> once the media is ready.
/// </summary>
public sealed class ImageThumbnailGenerator(VipsThumbnailer vips, IOptions<ProcessingOptions> options) : IRenditionGenerator
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("image/", StringComparison.Ordinal);

    public bool UsesMetadata => false;

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken) =>
        await WriteThumbnailsAsync(vips, [options.Value.ThumbnailSizes.Min()], source.Path, workDirectory, cancellationToken);

    /// <summary>
    /// Thumbnails of any image file at every size (shared with poster frames, cover art and previews): the largest is
    /// decoded from the file (shrink-on-load), the smaller ones are scaled from it in memory. With
    /// <paramref name="keepLargestPixels"/>, the largest one's <see cref="RenditionFile.Pixels"/> are kept when they can be.
    /// </summary>
    public static async Task<List<RenditionFile>> WriteThumbnailsAsync(
        VipsThumbnailer vips, IEnumerable<int> sizes, string imagePath, string workDirectory, CancellationToken cancellationToken, bool keepLargestPixels = false)
    {
        var targets = sizes.Distinct().Select(size => (Size: size, Name: RenditionNames.Thumbnail(size))).ToList();
        var (written, largest) = await vips.WriteWebpSeriesAsync(
            imagePath, targets.Select(t => (t.Size, Path.Combine(workDirectory, t.Name))).ToList(), keepLargestPixels, cancellationToken);
        var largestSize = targets.Count == 0 ? 0 : targets.Max(t => t.Size);
        return targets.Select(t => new RenditionFile(
            t.Name, "image/webp", Path.Combine(workDirectory, t.Name), written[t.Size].Width, written[t.Size].Height,
            t.Size == largestSize ? largest : null)).ToList();
    }
}
