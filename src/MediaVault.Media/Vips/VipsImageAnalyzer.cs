using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using NetVips;

namespace MediaVault.Media.Vips;

/// <summary>
/// What delivery profiles check on cover art, from the libvips header (no pixels decoded): colour space, bits per
/// pixel, aspect ratio, an embedded ICC profile and an EXIF orientation tag. Width, height and alpha come from
/// <see cref="VipsImageMetadataExtractor"/> already.
/// </summary>
public sealed class VipsImageAnalyzer(VipsThumbnailer vips) : IMediaAnalyzer
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("image/", StringComparison.Ordinal) && mimeType != "image/svg+xml";

    public Task<JsonObject> AnalyzeAsync(RenditionSource source, CancellationToken cancellationToken) =>
        vips.InspectSourceAsync(source.Path, image => Read(image, source.Metadata), cancellationToken);

    private static JsonObject Read(VipsSource source, JsonObject metadata)
    {
        var image = source.Header;
        var fields = image.GetFields().ToHashSet(StringComparer.Ordinal);
        var width = metadata[MetadataKeys.Width]?.GetValue<int>() ?? source.Width;
        var height = metadata[MetadataKeys.Height]?.GetValue<int>() ?? source.Height;
        return new JsonObject
        {
            [AnalysisKeys.ColorSpace] = ColorSpace(image.Interpretation),
            [AnalysisKeys.BitsPerPixel] = image.Bands * BitsPerBand(image.Format),
            [AnalysisKeys.AspectRatio] = height > 0 ? Math.Round((double)width / height, 4) : null,
            [AnalysisKeys.HasIccProfile] = fields.Contains("icc-profile-data"),
            [AnalysisKeys.HasOrientationTag] = fields.Contains("orientation") || fields.Contains("exif-ifd0-Orientation"),
        };
    }

    private static string ColorSpace(Enums.Interpretation interpretation) => interpretation switch
    {
        Enums.Interpretation.Srgb or Enums.Interpretation.Rgb16 or Enums.Interpretation.Rgb => "sRGB",
        Enums.Interpretation.Cmyk => "CMYK",
        Enums.Interpretation.Bw or Enums.Interpretation.Grey16 => "grey",
        Enums.Interpretation.Scrgb => "scRGB",
        Enums.Interpretation.Lab or Enums.Interpretation.Labq or Enums.Interpretation.Labs or Enums.Interpretation.Lch or Enums.Interpretation.Cmc => "Lab",
        _ => interpretation.ToString(),
    };

    private static int BitsPerBand(Enums.BandFormat format) => format switch
    {
        Enums.BandFormat.Uchar or Enums.BandFormat.Char => 8,
        Enums.BandFormat.Ushort or Enums.BandFormat.Short => 16,
        Enums.BandFormat.Uint or Enums.BandFormat.Int or Enums.BandFormat.Float => 32,
        Enums.BandFormat.Double or Enums.BandFormat.Complex => 64,
        Enums.BandFormat.Dpcomplex => 128,
        _ => 8,
    };
}
