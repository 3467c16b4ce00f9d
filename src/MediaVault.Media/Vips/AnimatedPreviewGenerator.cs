using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Vips;

/// <summary>
/// The animated preview of an animated GIF or WebP (<c>animated.webp</c>: every frame within the caps of
/// <see cref="AnimatedPreviewOptions"/>, delays and loop kept), made after the media is ready. A still image gets none.
/// </summary>
public sealed class AnimatedPreviewGenerator(VipsThumbnailer vips, IOptions<AnimatedPreviewOptions> options) : IDeferredRenditionGenerator
{
    public const string RenditionName = "animated.webp";

    public bool CanHandle(string mimeType) => mimeType is "image/gif" or "image/webp";

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        if (source.Metadata[MetadataKeys.FrameCount] is null)
        {
            return [];
        }

        var target = Path.Combine(workDirectory, RenditionName);
        var written = await vips.WriteAnimatedWebpAsync(source.Path, target, options.Value, cancellationToken);
        return written is { } size ? [new RenditionFile(RenditionName, "image/webp", target, size.Width, size.Height)] : [];
    }
}
