using MediaVault.Core.Processing;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// An image file opened for libvips, header only: a raster read from its path, refused past
/// <see cref="ProcessingOptions.MaxImagePixels"/> before any decoding; or an SVG read only from its bytes once
/// <see cref="SvgGuard"/> accepts them (librsvg then has no folder to resolve a relative link against), whose
/// declared size may be anything up to <see cref="MaxSvgSide"/> since it is only ever rendered scaled to a target, and
/// only ever drawn out of process (<see cref="SvgRasterizer"/>); in process, librsvg only parses it for its size.
/// </summary>
public sealed class VipsSource : IDisposable
{
    /// <summary>Largest SVG side (CSS px) accepted: far past any real drawing, small enough to stay an <see cref="int"/>.</summary>
    public const int MaxSvgSide = 1_000_000;

    /// <summary>Largest side an SVG is scaled to before the page crops it.</summary>
    private const int MaxDrawnSide = 8_000_000;

    /// <summary>libvips' SVG loader scales by dpi/72 on top of librsvg's unit conversion; 96 keeps librsvg's aspect ratio.</summary>
    private const string SvgLoadOptions = "dpi=96";

    private readonly string _path;
    private readonly long _maxPixels;
    private readonly SvgDraw _draw;

    private VipsSource(string path, Image header, byte[]? svg, int width, int height, long maxPixels, SvgDraw draw)
    {
        _path = path;
        _draw = draw;
        Header = header;
        Svg = svg;
        Width = width;
        Height = height;
        _maxPixels = maxPixels;
    }

    /// <summary>The header (no pixels decoded; sequential access).</summary>
    public Image Header { get; }

    /// <summary>The SVG's checked bytes; null for a raster image.</summary>
    public byte[]? Svg { get; }

    /// <summary>Stored width in pixels (an SVG's in CSS px at 96 dpi), before any EXIF orientation.</summary>
    public int Width { get; }

    /// <inheritdoc cref="Width"/>
    public int Height { get; }

    /// <exception cref="MediaUnreadableException">Not a readable image, a refused SVG, or too many pixels.</exception>
    public static VipsSource Open(string path, long maxPixels, SvgDraw draw)
    {
        var svg = SvgGuard.LooksLikeSvg(path) ? SvgGuard.ReadSelfContained(path) : null;
        Image header;
        try
        {
            header = svg is null
                ? Image.NewFromFile(path, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error)
                : Image.NewFromBuffer(svg, SvgLoadOptions, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
        }
        catch (VipsException ex)
        {
            throw new MediaUnreadableException($"Image could not be read: {VipsErrors.FirstLine(ex.Message)}", ex);
        }

        if (svg is not null)
        {
            var (width, height) = SvgIntrinsicSize.Read(svg) ?? (header.Width * 72.0 / 96, header.Height * 72.0 / 96);
            if (width > MaxSvgSide || height > MaxSvgSide)
            {
                header.Dispose();
                throw new MediaUnreadableException(MediaFailureCode.TooManyPixels, $"SVG declares {width:0}×{height:0} px, more than {MaxSvgSide} px on a side");
            }

            return new VipsSource(path, header, svg, Round(width), Round(height), maxPixels, draw);
        }

        if ((long)header.Width * header.Height > maxPixels)
        {
            var (width, height) = (header.Width, header.Height);
            header.Dispose();
            throw new MediaUnreadableException(MediaFailureCode.TooManyPixels, $"Image is {width}×{height} pixels, more than the {maxPixels} allowed");
        }

        return new VipsSource(path, header, null, header.Width, header.Height, maxPixels, draw);
    }

    /// <summary>
    /// Decodes into a box with libvips <c>thumbnail</c> (shrink-on-load, EXIF orientation applied). An SVG is drawn
    /// out of process (<see cref="SvgRasterizer"/>) straight at the output size, never larger than its own size for
    /// <see cref="Enums.Size.Down"/> nor than the pixel limit; a crop is always the centre.
    /// </summary>
    /// <exception cref="VipsException">The pixels cannot be decoded.</exception>
    /// <exception cref="MediaUnreadableException">A cropped SVG box larger than the pixel limit, or an SVG that cannot be drawn in time.</exception>
    public Task<Image> ThumbnailAsync(int width, int height, Enums.Size size, Enums.Interesting? crop, CancellationToken cancellationToken)
    {
        if (Svg is null)
        {
            return Task.FromResult(Image.Thumbnail(_path, width, height: height, size: size, crop: crop, failOn: Enums.FailOn.Error));
        }

        return _draw(Svg, PlanSvg(width, height, size, crop is not null), cancellationToken);
    }

    /// <summary>Where the SVG is drawn for a box: filling it (centre crop) or fitted inside it, within the pixel limit.</summary>
    /// <exception cref="MediaUnreadableException">A cropped box larger than the pixel limit.</exception>
    public SvgRender PlanSvg(int width, int height, Enums.Size size, bool crop)
    {
        if (crop)
        {
            if ((long)width * height > _maxPixels)
            {
                throw new MediaUnreadableException(MediaFailureCode.TooManyPixels, $"A {width}×{height} rendering of this SVG is more than the {_maxPixels} pixels allowed");
            }

            // Scaled to cover the box; only the box itself is ever drawn.
            var cover = Math.Max((double)width / Width, (double)height / Height);
            return new SvgRender(Math.Max(width, Drawn(Width * cover)), Math.Max(height, Drawn(Height * cover)), width, height);
        }

        var scale = Math.Min((double)width / Width, (double)height / Height);
        if (size == Enums.Size.Down)
        {
            scale = Math.Min(scale, 1);
        }

        var pixels = Width * scale * (Height * scale);
        if (pixels > _maxPixels)
        {
            scale *= Math.Sqrt(_maxPixels / pixels);
        }

        var box = (Width: Math.Max(1, Round(Width * scale)), Height: Math.Max(1, Round(Height * scale)));
        return new SvgRender(box.Width, box.Height, box.Width, box.Height);
    }

    public void Dispose() => Header.Dispose();

    // A drawing scaled to cover a box can be far larger than the box (a 1 000 000×1 SVG in a square); only the box is
    // drawn, but the renderer's coordinates stay within what cairo's fixed-point numbers hold.
    private static int Drawn(double value) => (int)Math.Min(MaxDrawnSide, Math.Max(1, Math.Round(value, MidpointRounding.AwayFromZero)));

    private static int Round(double value) => (int)Math.Max(1, Math.Round(value, MidpointRounding.AwayFromZero));
}
