using System.Globalization;

namespace MediaVault.Core.Media;

/// <summary>
/// An on-the-fly image variant: a box (width and/or height, pixels), how the image fits it, the output format and
/// quality. <see cref="RenditionName"/> is the stable name it is cached under, <see cref="Canonical"/> what a URL signs.
/// </summary>
public sealed record ImageVariant(int? Width, int? Height, string Fit, string Format, int Quality)
{
    public const int MaxDimension = 4096;

    public static readonly IReadOnlyList<string> Fits = ["inside", "cover", "contain"];

    public static readonly IReadOnlyList<string> Formats = ["webp", "jpeg", "png", "avif"];

    /// <summary>Named presets a signed original URL may ask for without a further signature.</summary>
    public static readonly IReadOnlyDictionary<string, ImageVariant> Presets = new Dictionary<string, ImageVariant>(StringComparer.Ordinal)
    {
        ["thumb"] = new(256, 256, "inside", "webp", 80),
        ["small"] = new(480, 480, "inside", "webp", 80),
        ["medium"] = new(1024, 1024, "inside", "webp", 80),
        ["large"] = new(2048, 2048, "inside", "webp", 82),
    };

    public string RenditionName => string.Create(CultureInfo.InvariantCulture, $"v-{Width ?? 0}x{Height ?? 0}-{Fit}-q{Quality}.{Format}");

    public string Canonical => string.Create(CultureInfo.InvariantCulture, $"w={Width ?? 0};h={Height ?? 0};fit={Fit};format={Format};q={Quality}");

    public string MimeType => Format switch
    {
        "jpeg" => "image/jpeg",
        "png" => "image/png",
        "avif" => "image/avif",
        _ => "image/webp",
    };

    /// <summary>Parses <c>w</c>, <c>h</c>, <c>fit</c>, <c>format</c>, <c>q</c>; null when none is present.</summary>
    public static Outcome<ImageVariant?> Parse(string? w, string? h, string? fit, string? format, string? q)
    {
        if (w is null && h is null && fit is null && format is null && q is null)
        {
            return (ImageVariant?)null;
        }

        if (!TryDimension(w, out var width) || !TryDimension(h, out var height))
        {
            return Failure.BadRequest($"w and h must be whole numbers from 1 to {MaxDimension}");
        }

        if (width is null && height is null)
        {
            return Failure.BadRequest("An image variant needs w, h or both");
        }

        var chosenFit = fit ?? "inside";
        var chosenFormat = format is "jpg" ? "jpeg" : format ?? "webp";
        if (!Fits.Contains(chosenFit) || !Formats.Contains(chosenFormat))
        {
            return Failure.BadRequest($"fit must be one of {string.Join(", ", Fits)} and format one of {string.Join(", ", Formats)}");
        }

        var quality = 80;
        if (q is not null && (!int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out quality) || quality is < 1 or > 100))
        {
            return Failure.BadRequest("q must be a whole number from 1 to 100");
        }

        if (chosenFit != "inside" && (width is null || height is null))
        {
            return Failure.BadRequest($"fit={chosenFit} needs both w and h");
        }

        return new ImageVariant(width, height, chosenFit, chosenFormat, quality);
    }

    private static bool TryDimension(string? raw, out int? value)
    {
        value = null;
        if (raw is null)
        {
            return true;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= MaxDimension)
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
