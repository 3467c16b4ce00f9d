using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace MediaVault.Media.Vips;

/// <summary>
/// An SVG's size in CSS pixels at 96 dpi, as librsvg (and so a browser or <c>rsvg-convert</c>) reads it: the root's
/// <c>width</c> and <c>height</c> with their units (px, pt, pc, mm, cm, in, em = 12 px, ex = 6 px), one of them from
/// the <c>viewBox</c>'s aspect ratio when only the other is given, or else the <c>viewBox</c>'s own size. Percentages
/// and missing values say nothing.
/// </summary>
public static partial class SvgIntrinsicSize
{
    /// <summary>Pixels per CSS unit at 96 dpi; em and ex follow librsvg's default font size of 12 px.</summary>
    private static readonly Dictionary<string, double> PixelsPerUnit = new(StringComparer.Ordinal)
    {
        [""] = 1,
        ["px"] = 1,
        ["pt"] = 96.0 / 72,
        ["pc"] = 16,
        ["mm"] = 96 / 25.4,
        ["cm"] = 96 / 2.54,
        ["in"] = 96,
        ["em"] = 12,
        ["ex"] = 6,
    };

    /// <summary>The size of an SVG already accepted by <see cref="SvgGuard"/>; null when neither its width and height nor its viewBox say it.</summary>
    public static (double Width, double Height)? Read(byte[] svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var stream = new MemoryStream(svg, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        if (reader.MoveToContent() != XmlNodeType.Element)
        {
            return null;
        }

        var width = Length(reader.GetAttribute("width"));
        var height = Length(reader.GetAttribute("height"));
        var box = ViewBox(reader.GetAttribute("viewBox"));
        return (width, height, box) switch
        {
            ({ } w, { } h, _) => (w, h),
            ({ } w, null, { } b) => (w, w * b.Height / b.Width),
            (null, { } h, { } b) => (h * b.Width / b.Height, h),
            (null, null, { } b) => b,
            _ => null,
        };
    }

    private static double? Length(string? text)
    {
        var match = text is null ? null : LengthPattern().Match(text.Trim());
        if (match is not { Success: true }
            || !double.TryParse(match.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            || !PixelsPerUnit.TryGetValue(match.Groups["unit"].Value.ToLowerInvariant(), out var scale))
        {
            return null;
        }

        var pixels = number * scale;
        return double.IsFinite(pixels) && pixels > 0 ? pixels : null;
    }

    private static (double Width, double Height)? ViewBox(string? text)
    {
        var parts = text?.Split([' ', ',', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 4 })
        {
            return null;
        }

        return double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var h)
            && double.IsFinite(w) && double.IsFinite(h) && w > 0 && h > 0
            ? (w, h)
            : null;
    }

    [GeneratedRegex(@"^(?<number>[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*(?<unit>[a-zA-Z]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LengthPattern();
}
