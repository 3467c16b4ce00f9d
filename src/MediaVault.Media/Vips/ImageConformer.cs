using MediaVault.Core.Compatibility;
using MediaVault.Core.Processing;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// Writes a <see cref="ConformPlan"/>'s JPEG with libvips: decoded straight at the frame size (shrink-on-load, EXIF
/// orientation applied), centre-cropped or padded with white, alpha flattened on white, sRGB, no metadata. The quality
/// steps down (90 → 50), then the size, until the file fits the plan's size limit.
/// </summary>
public sealed class ImageConformer(VipsThumbnailer thumbnailer)
{
    private static readonly int[] Qualities = [90, 82, 74, 66, 58, 50];

    /// <exception cref="MediaUnreadableException">Not a readable image, too many pixels, or it cannot be made small enough.</exception>
    public Task WriteAsync(string inputPath, ConformPlan plan, string target, CancellationToken cancellationToken) =>
        thumbnailer.ReadSourceAsync(inputPath, async source =>
        {
            using var framed = await FrameAsync(source, plan, cancellationToken);
            var limit = plan.MaxMegabytes is { } megabytes ? (long)(megabytes * 1_000_000) : long.MaxValue;
            var image = framed;
            try
            {
                for (var attempt = 0; attempt < 6; attempt++)
                {
                    foreach (var quality in Qualities)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        image.Jpegsave(target, q: quality, keep: Enums.ForeignKeep.None, optimizeCoding: true, interlace: true);
                        if (new FileInfo(target).Length <= limit)
                        {
                            return true;
                        }
                    }

                    var smaller = image.Resize(0.8);
                    if (!ReferenceEquals(image, framed))
                    {
                        image.Dispose();
                    }

                    image = smaller;
                }
            }
            finally
            {
                if (!ReferenceEquals(image, framed))
                {
                    image.Dispose();
                }
            }

            File.Delete(target);
            throw new MediaUnreadableException("The image cannot be made small enough for the profile");
        }, cancellationToken);

    private static async Task<Image> FrameAsync(VipsSource source, ConformPlan plan, CancellationToken cancellationToken)
    {
        using var decoded = plan.CropWidth is not null
            ? await source.ThumbnailAsync(plan.Width, plan.Height, Enums.Size.Both, Enums.Interesting.Centre, cancellationToken)
            : await source.ThumbnailAsync(plan.ContentWidth, plan.ContentHeight, Enums.Size.Force, null, cancellationToken);
        using var srgb = decoded.Interpretation == Enums.Interpretation.Srgb ? decoded.Copy() : decoded.Colourspace(Enums.Interpretation.Srgb);
        using var flat = srgb.HasAlpha() ? srgb.Flatten(background: [255, 255, 255]) : srgb.Copy();
        return flat.Width == plan.Width && flat.Height == plan.Height
            ? flat.Copy()
            : flat.Gravity(Enums.CompassDirection.Centre, plan.Width, plan.Height, extend: Enums.Extend.Background, background: [255, 255, 255]);
    }
}
