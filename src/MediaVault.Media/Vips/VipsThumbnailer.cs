using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// WebP thumbnails straight from a file with libvips <c>thumbnail</c> (shrink-on-load, EXIF orientation applied),
/// after checking the header's pixel count, with at most one libvips job per core at a time.
/// </summary>
public sealed class VipsThumbnailer
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly IOptions<ProcessingOptions> _options;

    public VipsThumbnailer(IOptions<ProcessingOptions> options)
    {
        _options = options;
        VipsRuntime.EnsureConfigured();
    }

    /// <summary>Opens only the header and refuses images over <see cref="ProcessingOptions.MaxImagePixels"/>.</summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<T> InspectAsync<T>(string path, Func<Image, T> read, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var image = Open(path, SelfContainedSvg(path));
            return read(image);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Writes one WebP per (long-edge size, path): the largest decoded from the file (shrink-on-load), the others scaled
    /// from it in memory, so one decode serves every size. Returns each size's dimensions.
    /// </summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<Dictionary<int, (int Width, int Height)>> WriteWebpSeriesAsync(
        string source, IReadOnlyList<(int Size, string Path)> targets, CancellationToken cancellationToken)
    {
        var written = new Dictionary<int, (int Width, int Height)>();
        if (targets.Count == 0)
        {
            return written;
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            var svg = SelfContainedSvg(source);
            using (Open(source, svg))
            {
            }

            var ordered = targets.OrderByDescending(t => t.Size).ToList();
            var largest = ordered[0].Size;
            using var decoded = Thumbnail(source, svg, largest, largest, Enums.Size.Down, null);
            using var pixels = ordered.Count > 1 ? decoded.CopyMemory() : decoded.Copy();
            foreach (var (size, path) in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scaled = size == largest ? pixels.Copy() : pixels.ThumbnailImage(size, height: size, size: Enums.Size.Down);
                scaled.Webpsave(path, q: 80, keep: Enums.ForeignKeep.None);
                written[size] = (scaled.Width, scaled.Height);
            }

            return written;
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Image could not be decoded: {FirstLine(ex.Message)}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Writes an on-the-fly variant of an image file (fit inside, cover with a centred crop, or contain with padding).</summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<(int Width, int Height)> WriteVariantAsync(string source, MediaVault.Core.Media.ImageVariant variant, string target, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var svg = SelfContainedSvg(source);
            using (Open(source, svg))
            {
            }

            var width = variant.Width ?? MediaVault.Core.Media.ImageVariant.MaxDimension;
            var height = variant.Height ?? MediaVault.Core.Media.ImageVariant.MaxDimension;
            var crop = variant.Fit == "cover" ? Enums.Interesting.Centre : (Enums.Interesting?)null;
            var size = variant.Fit == "cover" ? Enums.Size.Both : Enums.Size.Down;
            using var thumbnail = Thumbnail(source, svg, width, height, size, crop);
            using var shaped = variant.Fit == "contain" ? Pad(thumbnail, width, height, variant.Format) : thumbnail.Copy();
            Save(shaped, variant, target);
            return (shaped.Width, shaped.Height);
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Image variant could not be made: {FirstLine(ex.Message)}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    private static Image Pad(Image image, int width, int height, string format)
    {
        if (format == "jpeg")
        {
            using var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy();
            return flat.Gravity(Enums.CompassDirection.Centre, width, height, extend: Enums.Extend.White);
        }

        using var withAlpha = image.HasAlpha() ? image.Copy() : image.Bandjoin(255);
        return withAlpha.Gravity(Enums.CompassDirection.Centre, width, height, extend: Enums.Extend.Background, background: [0, 0, 0, 0]);
    }

    private static void Save(Image image, MediaVault.Core.Media.ImageVariant variant, string target)
    {
        switch (variant.Format)
        {
            case "jpeg":
                using (var flat = image.HasAlpha() ? image.Flatten(background: [255, 255, 255]) : image.Copy())
                {
                    flat.Jpegsave(target, q: variant.Quality, keep: Enums.ForeignKeep.None);
                }

                break;
            case "png":
                image.Pngsave(target, keep: Enums.ForeignKeep.None);
                break;
            case "avif":
                image.Heifsave(target, q: variant.Quality, compression: Enums.ForeignHeifCompression.Av1, keep: Enums.ForeignKeep.None);
                break;
            default:
                image.Webpsave(target, q: variant.Quality, keep: Enums.ForeignKeep.None);
                break;
        }
    }

    /// <summary>
    /// An SVG's checked bytes (null for any other image): SVG is only ever read from a buffer, with nothing outside the
    /// file referenced (<see cref="SvgGuard"/>), so librsvg has no folder to resolve a relative link against.
    /// </summary>
    private static byte[]? SelfContainedSvg(string path) => SvgGuard.LooksLikeSvg(path) ? SvgGuard.ReadSelfContained(path) : null;

    private static Image Thumbnail(string path, byte[]? svg, int width, int height, Enums.Size size, Enums.Interesting? crop) =>
        svg is null
            ? Image.Thumbnail(path, width, height: height, size: size, crop: crop, failOn: Enums.FailOn.Error)
            : Image.ThumbnailBuffer(svg, width, height: height, size: size, crop: crop, failOn: Enums.FailOn.Error);

    private Image Open(string path, byte[]? svg)
    {
        Image image;
        try
        {
            image = svg is null
                ? Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error)
                : Image.NewFromBuffer(svg, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Image could not be read: {FirstLine(ex.Message)}", ex);
        }

        var pixels = (long)image.Width * image.Height;
        if (pixels > _options.Value.MaxImagePixels)
        {
            var (width, height) = (image.Width, image.Height);
            image.Dispose();
            throw new MediaUnreadableException(MediaFailureCode.TooManyPixels, $"Image is {width}×{height} pixels, more than the {_options.Value.MaxImagePixels} allowed");
        }

        return image;
    }

    private static string FirstLine(string message) => message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? message;
}
