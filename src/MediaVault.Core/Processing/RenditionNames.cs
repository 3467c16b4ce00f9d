using System.Globalization;

namespace MediaVault.Core.Processing;

/// <summary>
/// The one place rendition names are made: what processing writes and what the API looks for come from the same
/// function and the same <see cref="ProcessingOptions.ThumbnailSizes"/>, so changing the setting cannot silently
/// drop previews.
/// </summary>
public static class RenditionNames
{
    /// <summary>The WebP thumbnail whose long edge is <paramref name="longEdge"/> pixels, e.g. <c>thumb-256.webp</c>.</summary>
    public static string Thumbnail(int longEdge) => string.Create(CultureInfo.InvariantCulture, $"thumb-{longEdge}.webp");

    /// <summary>The thumbnails that can be a media's preview, largest (best) first.</summary>
    public static IReadOnlyList<string> Previews(IEnumerable<int> thumbnailSizes) =>
        thumbnailSizes.Distinct().OrderDescending().Select(Thumbnail).ToArray();

    /// <summary>The largest thumbnail: the cheapest good source for scaled variants.</summary>
    public static string LargestThumbnail(IEnumerable<int> thumbnailSizes) => Thumbnail(thumbnailSizes.Max());
}
