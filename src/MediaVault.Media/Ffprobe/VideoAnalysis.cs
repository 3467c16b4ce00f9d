using System.Globalization;
using System.Text.Json.Nodes;
using MediaVault.Core.Media;

namespace MediaVault.Media.Ffprobe;

/// <summary>
/// The video facts social networks check, read from the same ffprobe stream listing as the rest of the metadata:
/// profile, pixel format with its chroma subsampling and bit depth, scan type, rotation, displayed aspect ratio and the
/// per-stream bit rates. Pure, like <see cref="FfprobeNormalizer"/>.
/// </summary>
public static class VideoAnalysis
{
    public static void Add(JsonObject result, FfprobeStream video, FfprobeStream? audio)
    {
        if (!string.IsNullOrEmpty(video.Profile))
        {
            result[MetadataKeys.VideoProfile] = video.Profile;
        }

        if (video.PixelFormat is { Length: > 0 } pixelFormat)
        {
            result[MetadataKeys.PixelFormat] = pixelFormat;
            if (Chroma(pixelFormat) is { } chroma)
            {
                result[MetadataKeys.ChromaSubsampling] = chroma;
            }

            result[MetadataKeys.VideoBitDepth] = BitDepth(pixelFormat, video.BitsPerRawSample);
        }

        result[MetadataKeys.ScanType] = ScanType(video.FieldOrder);
        result[MetadataKeys.PixelAspectRatio] = Math.Round(Ratio(video.SampleAspectRatio) ?? 1, 4);
        var rotation = Rotation(video);
        result[MetadataKeys.Rotation] = rotation;
        if (DisplayAspectRatio(video, rotation) is { } aspect)
        {
            result[MetadataKeys.DisplayAspectRatio] = Math.Round(aspect, 4);
        }

        if (Kilobits(video.BitRate) is { } videoRate)
        {
            result[MetadataKeys.VideoBitrate] = videoRate;
        }

        if (Kilobits(audio?.BitRate) is { } audioRate)
        {
            result[MetadataKeys.AudioBitrate] = audioRate;
        }
    }

    /// <summary><c>progressive</c>; <c>interlaced</c> for any field order (tt, bb, tb, bt); <c>unknown</c> when ffprobe could not tell.</summary>
    public static string ScanType(string? fieldOrder) => fieldOrder switch
    {
        "progressive" => "progressive",
        "tt" or "bb" or "tb" or "bt" => "interlaced",
        _ => "unknown",
    };

    /// <summary>The subsampling a pixel format implies; null for formats this does not know.</summary>
    public static string? Chroma(string pixelFormat)
    {
        var name = pixelFormat.StartsWith("yuvj", StringComparison.Ordinal) ? "yuv" + pixelFormat[4..] : pixelFormat;
        return name switch
        {
            _ when name.StartsWith("yuv420", StringComparison.Ordinal) || name.StartsWith("yuva420", StringComparison.Ordinal) => "4:2:0",
            _ when name.StartsWith("nv12", StringComparison.Ordinal) || name.StartsWith("nv21", StringComparison.Ordinal) || name.StartsWith("p010", StringComparison.Ordinal) || name.StartsWith("p016", StringComparison.Ordinal) => "4:2:0",
            _ when name.StartsWith("yuv422", StringComparison.Ordinal) || name.StartsWith("yuva422", StringComparison.Ordinal) || name.StartsWith("nv16", StringComparison.Ordinal) || name.StartsWith("p210", StringComparison.Ordinal) => "4:2:2",
            _ when name.StartsWith("yuv444", StringComparison.Ordinal) || name.StartsWith("yuva444", StringComparison.Ordinal) || name.StartsWith("gbr", StringComparison.Ordinal) || name.StartsWith("rgb", StringComparison.Ordinal) || name.StartsWith("bgr", StringComparison.Ordinal) => "4:4:4",
            _ when name.StartsWith("gray", StringComparison.Ordinal) => "4:0:0",
            _ => null,
        };
    }

    /// <summary>The number a pixel format carries (<c>yuv420p10le</c> → 10, <c>p010le</c> → 10), else the stream's raw sample width, else 8.</summary>
    public static int BitDepth(string pixelFormat, string? bitsPerRawSample)
    {
        var name = pixelFormat.EndsWith("le", StringComparison.Ordinal) || pixelFormat.EndsWith("be", StringComparison.Ordinal) ? pixelFormat[..^2] : pixelFormat;
        if (name.StartsWith('p') && name.Length == 4 && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var packed))
        {
            return packed;
        }

        var digits = name.Length - name.AsSpan().TrimEnd("0123456789").Length;
        if (digits is > 0 and <= 2 && name[^(digits + 1)] == 'p' && int.TryParse(name.AsSpan(name.Length - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var depth))
        {
            return depth;
        }

        return int.TryParse(bitsPerRawSample, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) && raw > 0 ? raw : 8;
    }

    /// <summary>
    /// Clockwise degrees (0, 90, 180, 270) a player turns the picture: the display matrix's rotation is counter-clockwise,
    /// older files carry a <c>rotate</c> tag that is clockwise.
    /// </summary>
    public static int Rotation(FfprobeStream video)
    {
        double? clockwise = null;
        if (video.SideData?.FirstOrDefault(d => d.Type == "Display Matrix" && d.Rotation is not null)?.Rotation is { } counterClockwise)
        {
            clockwise = -counterClockwise;
        }
        else if (video.Tags?.GetValueOrDefault("rotate") is { } tag && double.TryParse(tag, NumberStyles.Float, CultureInfo.InvariantCulture, out var tagged))
        {
            clockwise = tagged;
        }

        var quarter = (int)Math.Round((clockwise ?? 0) / 90.0);
        return ((quarter % 4) + 4) % 4 * 90;
    }

    private static double? DisplayAspectRatio(FfprobeStream video, int rotation)
    {
        if (video is not { Width: > 0 and var width, Height: > 0 and var height })
        {
            return null;
        }

        var sar = Ratio(video.SampleAspectRatio) ?? 1;
        var aspect = width * sar / height;
        return rotation is 90 or 270 ? 1 / aspect : aspect;
    }

    private static double? Ratio(string? value)
    {
        var colon = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon < 0
            || !double.TryParse(value![..colon], NumberStyles.Float, CultureInfo.InvariantCulture, out var numerator)
            || !double.TryParse(value[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var denominator)
            || numerator <= 0 || denominator <= 0)
        {
            return null;
        }

        return numerator / denominator;
    }

    private static double? Kilobits(string? bitsPerSecond) =>
        double.TryParse(bitsPerSecond, NumberStyles.Float, CultureInfo.InvariantCulture, out var bps) && double.IsFinite(bps) && bps > 0 ? Math.Round(bps / 1000) : null;
}
