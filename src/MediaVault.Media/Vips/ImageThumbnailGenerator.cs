using System.Globalization;
using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Vips;

/// <summary>WebP thumbnails of images at each configured long-edge size (<c>thumb-256.webp</c>, <c>thumb-1024.webp</c>).</summary>
public sealed class ImageThumbnailGenerator(VipsThumbnailer vips, IOptions<ProcessingOptions> options) : IRenditionGenerator
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("image/", StringComparison.Ordinal);

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken) =>
        await WriteThumbnailsAsync(vips, options.Value.ThumbnailSizes, source.Path, workDirectory, cancellationToken);

    /// <summary>Thumbnails of any image file at every size (shared with poster frames and cover art).</summary>
    public static async Task<List<RenditionFile>> WriteThumbnailsAsync(
        VipsThumbnailer vips, IEnumerable<int> sizes, string imagePath, string workDirectory, CancellationToken cancellationToken)
    {
        var files = new List<RenditionFile>();
        foreach (var size in sizes.Distinct())
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"thumb-{size}.webp");
            var target = Path.Combine(workDirectory, name);
            var (width, height) = await vips.WriteWebpAsync(imagePath, size, target, cancellationToken);
            files.Add(new RenditionFile(name, "image/webp", target, width, height));
        }

        return files;
    }
}
