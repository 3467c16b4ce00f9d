using MediaVault.Core.Media;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// Image metadata from the libvips header (no pixels decoded): displayed width and height (EXIF orientation applied; an
/// SVG's in CSS px at 96 dpi), orientation, format, alpha, frame count and duration of an animation (or the page count
/// of a multi-page image; an animated PNG's from its chunks, <see cref="ApngAnimation"/>), and an EXIF subset (camera, taken-at; GPS only when <see cref="ProcessingOptions.KeepGpsMetadata"/>).
/// </summary>
public sealed class VipsImageMetadataExtractor(VipsThumbnailer vips, IOptions<ProcessingOptions> options) : IMetadataExtractor
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("image/", StringComparison.Ordinal);

    public async Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        var metadata = await vips.InspectSourceAsync(path, source => Read(source, mimeType), cancellationToken);
        if (mimeType == "image/png" && !metadata.ContainsKey("frameCount"))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
            if (ApngAnimation.Read(file) is { } animation)
            {
                metadata[MetadataKeys.FrameCount] = animation.Frames;
                metadata[MetadataKeys.Duration] = animation.Duration;
            }
        }

        return metadata;
    }

    private JsonObject Read(VipsSource source, string mimeType)
    {
        var image = source.Header;
        var fields = image.GetFields().ToHashSet(StringComparer.Ordinal);
        var orientation = fields.Contains("orientation") && image.Get("orientation") is int o and >= 1 and <= 8 ? o : 1;

        // 5–8 turn the picture a quarter: a viewer shows it with width and height swapped.
        var rotated = orientation >= 5;
        var metadata = new JsonObject
        {
            [MetadataKeys.Width] = rotated ? source.Height : source.Width,
            [MetadataKeys.Height] = rotated ? source.Width : source.Height,
            ["orientation"] = orientation,
            ["format"] = mimeType == "image/svg+xml" ? "svg" : mimeType["image/".Length..],
            ["hasAlpha"] = image.HasAlpha(),
        };
        var pages = fields.Contains("n-pages") && image.Get("n-pages") is int n and > 1 ? n : 1;
        if (pages > 1 && fields.Contains("delay") && image.Get("delay") is int[] delays)
        {
            metadata[MetadataKeys.FrameCount] = pages;
            metadata[MetadataKeys.Duration] = delays.Take(pages).Sum(d => (long)Math.Max(0, d)) / 1000.0;
        }
        else if (pages > 1)
        {
            metadata[MetadataKeys.Pages] = pages;
        }

        var exif = new JsonObject();
        AddText(exif, "cameraMake", image, fields, "exif-ifd0-Make");
        AddText(exif, "cameraModel", image, fields, "exif-ifd0-Model");
        AddText(exif, "takenAt", image, fields, "exif-ifd2-DateTimeOriginal");
        if (options.Value.KeepGpsMetadata
            && Coordinate(image, fields, "exif-ifd3-GPSLatitude", "exif-ifd3-GPSLatitudeRef", "S") is { } latitude
            && Coordinate(image, fields, "exif-ifd3-GPSLongitude", "exif-ifd3-GPSLongitudeRef", "W") is { } longitude)
        {
            exif["gpsLatitude"] = latitude;
            exif["gpsLongitude"] = longitude;
        }

        if (exif.Count > 0)
        {
            metadata["exif"] = exif;
        }

        return metadata;
    }

    private static void AddText(JsonObject target, string name, Image image, HashSet<string> fields, string field)
    {
        if (ExifValue(image, fields, field) is { Length: > 0 } value)
        {
            target[name] = value;
        }
    }

    /// <summary>libvips renders EXIF entries as <c>value (value, Type, n components, n bytes)</c>; this keeps the value.</summary>
    private static string? ExifValue(Image image, HashSet<string> fields, string field)
    {
        if (!fields.Contains(field) || image.Get(field) is not string raw)
        {
            return null;
        }

        var open = raw.LastIndexOf(" (", StringComparison.Ordinal);
        return (open > 0 ? raw[..open] : raw).Trim();
    }

    private static double? Coordinate(Image image, HashSet<string> fields, string field, string referenceField, string negative)
    {
        if (ExifValue(image, fields, field) is not { } value)
        {
            return null;
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Rational).ToList();
        if (parts.Count != 3 || parts.Any(p => p is null))
        {
            return null;
        }

        var degrees = parts[0]!.Value + (parts[1]!.Value / 60) + (parts[2]!.Value / 3600);
        return ExifValue(image, fields, referenceField) == negative ? -degrees : degrees;
    }

    private static double? Rational(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var styles = NumberStyles.Float;
        if (slash < 0)
        {
            return double.TryParse(text, styles, CultureInfo.InvariantCulture, out var plain) ? plain : null;
        }

        return double.TryParse(text[..slash], styles, CultureInfo.InvariantCulture, out var n)
            && double.TryParse(text[(slash + 1)..], styles, CultureInfo.InvariantCulture, out var d) && d != 0
            ? n / d
            : null;
    }
}
