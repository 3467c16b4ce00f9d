using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// WebP thumbnails straight from a file with libvips <c>thumbnail</c> (shrink-on-load, EXIF orientation applied),
/// after checking the header's pixel count, with at most one libvips job per core at a time (an SVG's out-of-process drawing holds no such slot). A BMP or JPEG XL is first
/// decoded to PNG out of process by <see cref="FfmpegImageDecoder"/> (without one, libvips refuses them).
/// </summary>
public sealed class VipsThumbnailer
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly SemaphoreSlim _drawings = new(Environment.ProcessorCount, Environment.ProcessorCount);
    private readonly IOptions<ProcessingOptions> _options;
    private readonly FfmpegImageDecoder? _decoder;
    private readonly SvgRasterizer _rasterizer;

    public VipsThumbnailer(IOptions<ProcessingOptions> options, FfmpegImageDecoder? decoder = null, SvgRasterizer? rasterizer = null)
    {
        _options = options;
        _decoder = decoder;
        _rasterizer = rasterizer ?? new SvgRasterizer(options);
        VipsRuntime.EnsureConfigured();
    }

    /// <summary>
    /// Draws an SVG for a call that holds a libvips slot, giving the slot back while the drawing runs: the drawing is
    /// another process's work and may take until <see cref="ProcessingOptions.PageRenderTimeout"/>, and hostile drawings
    /// must not keep every other image waiting that long. At most one drawing per core runs at a time. The slot is held
    /// again when this returns or throws, as the caller's own release expects.
    /// </summary>
    private async Task<Image> DrawOutsideSlotAsync(byte[] svg, SvgRender render, CancellationToken cancellationToken)
    {
        _slots.Release();
        try
        {
            await _drawings.WaitAsync(cancellationToken);
            try
            {
                return await _rasterizer.RenderAsync(svg, render, cancellationToken);
            }
            finally
            {
                _drawings.Release();
            }
        }
        finally
        {
            await _slots.WaitAsync(CancellationToken.None);
        }
    }

    /// <summary>Opens only the header and refuses images over <see cref="ProcessingOptions.MaxImagePixels"/>.</summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public Task<T> InspectAsync<T>(string path, Func<Image, T> read, CancellationToken cancellationToken) =>
        InspectSourceAsync(path, source => read(source.Header), cancellationToken);

    /// <summary>As <see cref="InspectAsync{T}"/>, with the SVG's own size at hand (<see cref="VipsSource"/>).</summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<T> InspectSourceAsync<T>(string path, Func<VipsSource, T> read, CancellationToken cancellationToken)
    {
        using var decoded = await DecodeElsewhereAsync(path, cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var source = VipsSource.Open(decoded?.Path ?? path, _options.Value.MaxImagePixels, DrawOutsideSlotAsync);
            return read(source);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>As <see cref="InspectSourceAsync{T}"/>, for a reader that decodes (an SVG is drawn by another process).</summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<T> ReadSourceAsync<T>(string path, Func<VipsSource, Task<T>> read, CancellationToken cancellationToken)
    {
        using var decoded = await DecodeElsewhereAsync(path, cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var source = VipsSource.Open(decoded?.Path ?? path, _options.Value.MaxImagePixels, DrawOutsideSlotAsync);
            return await read(source);
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
        string source, IReadOnlyList<(int Size, string Path)> targets, CancellationToken cancellationToken) =>
        (await WriteWebpSeriesAsync(source, targets, keepLargest: false, cancellationToken)).Sizes;

    /// <summary>
    /// As <see cref="WriteWebpSeriesAsync(string, IReadOnlyList{ValueTuple{int, string}}, CancellationToken)"/>; with
    /// <paramref name="keepLargest"/>, also returns the largest size's decoded pixels when they are 8-bit sRGB or grey
    /// (null for anything else, or without it).
    /// </summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<(Dictionary<int, (int Width, int Height)> Sizes, RenditionPixels? Largest)> WriteWebpSeriesAsync(
        string source, IReadOnlyList<(int Size, string Path)> targets, bool keepLargest, CancellationToken cancellationToken)
    {
        var written = new Dictionary<int, (int Width, int Height)>();
        if (targets.Count == 0)
        {
            return (written, null);
        }

        using var input = await DecodeElsewhereAsync(source, cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var opened = VipsSource.Open(input?.Path ?? source, _options.Value.MaxImagePixels, DrawOutsideSlotAsync);
            var ordered = targets.OrderByDescending(t => t.Size).ToList();
            var largest = ordered[0].Size;
            using var decoded = await opened.ThumbnailAsync(largest, largest, Enums.Size.Down, null, cancellationToken);
            var kept = keepLargest && IsSharable(decoded) ? decoded.WriteToMemory<byte>() : null;
            using var pixels = kept is not null ? Image.NewFromMemory(kept, decoded.Width, decoded.Height, decoded.Bands, Enums.BandFormat.Uchar)
                : ordered.Count > 1 ? decoded.CopyMemory() : decoded.Copy();
            foreach (var (size, path) in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scaled = size == largest ? pixels.Copy() : pixels.ThumbnailImage(size, height: size, size: Enums.Size.Down);
                scaled.Webpsave(path, q: 80, keep: Enums.ForeignKeep.None);
                written[size] = (scaled.Width, scaled.Height);
            }

            return (written, kept is null ? null : new RenditionPixels(kept, pixels.Width, pixels.Height, pixels.Bands));
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Image could not be decoded: {VipsErrors.FirstLine(ex.Message)}", ex);
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
        using var input = await DecodeElsewhereAsync(source, cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var opened = VipsSource.Open(input?.Path ?? source, _options.Value.MaxImagePixels, DrawOutsideSlotAsync);
            return await WriteVariantAsync((width, height, size, crop) => opened.ThumbnailAsync(width, height, size, crop, cancellationToken), variant, target);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// As <see cref="WriteVariantAsync(string, MediaVault.Core.Media.ImageVariant, string, CancellationToken)"/>, scaled
    /// from pixels already decoded (a preview's, kept in memory), so no file is read or decoded.
    /// </summary>
    /// <exception cref="MediaUnreadableException">The variant cannot be made.</exception>
    public async Task<(int Width, int Height)> WriteVariantAsync(RenditionPixels source, MediaVault.Core.Media.ImageVariant variant, string target, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var pixels = Image.NewFromMemory(source.Data, source.Width, source.Height, source.Bands, Enums.BandFormat.Uchar);
            return await WriteVariantAsync(
                (width, height, size, crop) => Task.FromResult(pixels.ThumbnailImage(width, height: height, size: size, crop: crop)), variant, target);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// The same pixels scaled down to fit a <paramref name="longEdge"/> square (lanczos3, as every variant is), for a
    /// smaller level of a kept preview that small variants resize fewer pixels from.
    /// </summary>
    /// <exception cref="MediaUnreadableException">The pixels cannot be scaled.</exception>
    public async Task<RenditionPixels> ScaleAsync(RenditionPixels source, int longEdge, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var pixels = Image.NewFromMemory(source.Data, source.Width, source.Height, source.Bands, Enums.BandFormat.Uchar);
            using var scaled = pixels.ThumbnailImage(longEdge, height: longEdge, size: Enums.Size.Down);
            return new RenditionPixels(scaled.WriteToMemory<byte>(), scaled.Width, scaled.Height, scaled.Bands);
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Pixels could not be scaled: {VipsErrors.FirstLine(ex.Message)}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Whether an image's pixels can be kept and read back as <see cref="RenditionPixels"/> (8-bit sRGB or grey).</summary>
    private static bool IsSharable(Image image) =>
        image.Format == Enums.BandFormat.Uchar
        && (image.Interpretation == Enums.Interpretation.Srgb && image.Bands is 3 or 4
            || image.Interpretation == Enums.Interpretation.Bw && image.Bands is 1 or 2);

    private static async Task<(int Width, int Height)> WriteVariantAsync(
        Func<int, int, Enums.Size, Enums.Interesting?, Task<Image>> thumbnail, MediaVault.Core.Media.ImageVariant variant, string target)
    {
        try
        {
            var width = variant.Width ?? MediaVault.Core.Media.ImageVariant.MaxDimension;
            var height = variant.Height ?? MediaVault.Core.Media.ImageVariant.MaxDimension;
            var crop = variant.Fit == "cover" ? Enums.Interesting.Centre : (Enums.Interesting?)null;
            var size = variant.Fit == "cover" ? Enums.Size.Both : Enums.Size.Down;
            using var scaled = await thumbnail(width, height, size, crop);
            using var shaped = variant.Fit == "contain" ? Pad(scaled, width, height, variant.Format) : scaled.Copy();
            Save(shaped, variant, target);
            return (shaped.Width, shaped.Height);
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Image variant could not be made: {VipsErrors.FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// Writes an 8-bit sRGB JPEG of an image at its own size (never larger), colour-managed from its embedded profile,
    /// rotated by its EXIF orientation, alpha flattened onto white, centre-cropped to a square when
    /// <paramref name="square"/>, and with no metadata kept (no ICC profile, no orientation tag).
    /// </summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<(int Width, int Height)> WriteSrgbJpegAsync(string source, bool square, string target, CancellationToken cancellationToken)
    {
        using var input = await DecodeElsewhereAsync(source, cancellationToken);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var opened = VipsSource.Open(input?.Path ?? source, _options.Value.MaxImagePixels, DrawOutsideSlotAsync);
            var edge = Math.Min(opened.Width, opened.Height);
            using var sized = square
                ? await opened.ThumbnailAsync(edge, edge, Enums.Size.Down, Enums.Interesting.Centre, cancellationToken)
                : await opened.ThumbnailAsync(Math.Max(opened.Width, opened.Height), Math.Max(opened.Width, opened.Height), Enums.Size.Down, null, cancellationToken);
            using var flat = sized.HasAlpha() ? sized.Flatten(background: [255, 255, 255]) : sized.Copy();
            using var rgb = flat.Interpretation == Enums.Interpretation.Srgb ? flat.Copy() : flat.Colourspace(Enums.Interpretation.Srgb);
            using var bytes = rgb.Format == Enums.BandFormat.Uchar ? rgb.Copy() : rgb.Cast(Enums.BandFormat.Uchar);
            bytes.Jpegsave(target, q: 92, keep: Enums.ForeignKeep.None);
            return (bytes.Width, bytes.Height);
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Conformed image could not be made: {VipsErrors.FirstLine(ex.Message)}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Writes an animated WebP of an animated image's first frames (at most <see cref="AnimatedPreviewOptions.MaxFrames"/>
    /// and <see cref="AnimatedPreviewOptions.MaxPixels"/> decoded pixels), long edge at most
    /// <see cref="AnimatedPreviewOptions.LongEdge"/>, each frame's delay and the loop count kept. Returns the frame size
    /// and how many frames were kept, or null when the image is not animated (or not even two frames fit the caps).
    /// </summary>
    /// <exception cref="MediaUnreadableException">Not a readable image, or too many pixels.</exception>
    public async Task<(int Width, int Height, int Frames)?> WriteAnimatedWebpAsync(
        string source, string target, AnimatedPreviewOptions limits, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            using var opened = VipsSource.Open(source, _options.Value.MaxImagePixels, DrawOutsideSlotAsync);
            var header = opened.Header;
            var pages = opened.Svg is null && header.Contains("n-pages") && header.Contains("delay") ? (int)header.Get("n-pages") : 1;
            var frames = (int)Math.Min(Math.Min(pages, limits.MaxFrames), limits.MaxPixels / Math.Max(1L, (long)header.Width * header.Height));
            if (frames < 2)
            {
                return null;
            }

            var delays = ((int[])header.Get("delay")).Take(frames).ToArray();
            using var strip = Image.NewFromFile(source, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error, kwargs: new VOption { { "n", frames } });
            using var scaled = strip.ThumbnailImage(limits.LongEdge, height: limits.LongEdge, size: Enums.Size.Down);
            using var timed = scaled.Mutate(image => image.Set("delay", delays));
            cancellationToken.ThrowIfCancellationRequested();
            timed.Webpsave(target, q: 75, keep: Enums.ForeignKeep.None);
            return (timed.Width, timed.PageHeight, frames);
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Animation could not be decoded: {VipsErrors.FirstLine(ex.Message)}", ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>A BMP or JPEG XL decoded to PNG in ffmpeg's jail (outside the libvips slots: it is another process); null for anything else.</summary>
    private async Task<DecodedImage?> DecodeElsewhereAsync(string path, CancellationToken cancellationToken) =>
        _decoder is null ? null : await _decoder.DecodeAsync(path, cancellationToken);

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
}
