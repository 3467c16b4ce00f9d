using System.Globalization;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// Image metadata from the libvips header (no pixels decoded): displayed width and height, orientation, format, alpha,
/// page count, and an EXIF subset (camera, taken-at; GPS only when <see cref="ProcessingOptions.KeepGpsMetadata"/>).
/// </summary>
public sealed class VipsImageMetadataExtractor(VipsThumbnailer vips, IOptions<ProcessingOptions> options) : IMetadataExtractor
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("image/", StringComparison.Ordinal);

    public Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken) =>
        vips.InspectAsync(path, image => Read(image, mimeType), cancellationToken);

    private JsonObject Read(Image image, string mimeType)
    {
        var fields = image.GetFields().ToHashSet(StringComparer.Ordinal);
        var orientation = fields.Contains("orientation") && image.Get("orientation") is int o and >= 1 and <= 8 ? o : 1;
        var rotated = orientation >= 5;
        var metadata = new JsonObject
        {
            ["width"] = rotated ? image.Height : image.Width,
            ["height"] = rotated ? image.Width : image.Height,
            ["orientation"] = orientation,
            ["format"] = mimeType["image/".Length..],
            ["hasAlpha"] = image.HasAlpha(),
        };
        if (fields.Contains("n-pages") && image.Get("n-pages") is int pages and > 1)
        {
            metadata["pages"] = pages;
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
