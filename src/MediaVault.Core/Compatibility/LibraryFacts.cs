using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Profiles;

namespace MediaVault.Core.Compatibility;

/// <summary>
/// The facts social profiles check, read from what processing stored for a media (<see cref="MediaItem.MetadataJson"/>,
/// its size and type): nothing is measured again. <c>width</c>/<c>height</c> are as displayed (after rotation),
/// <c>aspectRatio</c> is displayed width ÷ height, <c>fileSizeMegabytes</c> is in decimal megabytes (10⁶ bytes, the
/// smaller reading of a network's "MB"), bit rates are kbit/s. A fact processing did not measure is absent.
/// </summary>
public static class LibraryFacts
{
    /// <summary>The profile engine's kind of <paramref name="media"/>: <c>audio</c>, <c>image</c>, <c>video</c> or <c>document</c>.</summary>
    public static string KindOf(MediaItem media) => media.Kind.ToString().ToLowerInvariant();

    public static MediaFacts From(MediaItem media)
    {
        var metadata = MediaMetadata.Parse(media.MetadataJson);
        var facts = new MediaFacts();
        if (media.MimeType is { } mimeType && Container(mimeType) is { } container)
        {
            facts.Set("container", container);
        }

        if (media.Size is { } size)
        {
            facts.Set("fileSizeBytes", size);
            facts.Set("fileSizeMegabytes", Math.Round(size / 1_000_000.0, 3));
        }

        var rotation = Number(metadata, MetadataKeys.Rotation) ?? 0;
        var (width, height) = (Number(metadata, MetadataKeys.Width), Number(metadata, MetadataKeys.Height));
        if (width is > 0 && height is > 0)
        {
            var turned = rotation is 90 or 270;
            facts.Set("width", turned ? height.Value : width.Value);
            facts.Set("height", turned ? width.Value : height.Value);
            facts.Set("pixelCount", width.Value * height.Value);
            facts.Set("aspectRatio", Number(metadata, MetadataKeys.DisplayAspectRatio) ?? Math.Round(turned ? height.Value / width.Value : width.Value / height.Value, 4));
        }

        if (media.Kind is MediaKind.Video or MediaKind.Audio)
        {
            CopyText(metadata, facts, MetadataKeys.VideoCodec, "videoCodec");
            CopyText(metadata, facts, MetadataKeys.VideoProfile, "videoProfile");
            CopyText(metadata, facts, MetadataKeys.PixelFormat, "pixelFormat");
            CopyText(metadata, facts, MetadataKeys.ChromaSubsampling, "chromaSubsampling");
            CopyText(metadata, facts, MetadataKeys.ScanType, "scanType");
            CopyText(metadata, facts, MetadataKeys.AudioCodec, "audioCodec");
            if (media.Kind == MediaKind.Audio)
            {
                CopyText(metadata, facts, MetadataKeys.Codec, "audioCodec");
            }

            CopyNumber(metadata, facts, MetadataKeys.VideoBitDepth, "videoBitDepth");
            CopyNumber(metadata, facts, MetadataKeys.FrameRate, "frameRate");
            CopyNumber(metadata, facts, MetadataKeys.SampleRate, "sampleRate");
            CopyNumber(metadata, facts, MetadataKeys.Channels, "channels");
            CopyNumber(metadata, facts, MetadataKeys.Bitrate, "bitrate");
            CopyNumber(metadata, facts, MetadataKeys.VideoBitrate, "videoBitrate");
            CopyNumber(metadata, facts, MetadataKeys.AudioBitrate, "audioBitrate");
            CopyNumber(metadata, facts, MetadataKeys.Rotation, "rotation");
            CopyNumber(metadata, facts, MetadataKeys.PixelAspectRatio, "pixelAspectRatio");
            CopyNumber(metadata, facts, MetadataKeys.Duration, "durationSeconds");
            CopyFlag(metadata, facts, MetadataKeys.ClosedGop, "closedGop");
            CopyFlag(metadata, facts, MetadataKeys.Faststart, "faststart");
            facts.Set("hasAudio", metadata[MetadataKeys.AudioCodec] is not null || media.Kind == MediaKind.Audio);
        }

        return facts;
    }

    /// <summary>A short container name from the stored (sniffed) type: <c>mp4</c>, <c>mov</c>, <c>webm</c>, <c>jpeg</c>, <c>png</c>…</summary>
    public static string? Container(string mimeType)
    {
        var slash = mimeType.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return null;
        }

        return mimeType[(slash + 1)..] switch
        {
            "quicktime" => "mov",
            "x-matroska" => "mkv",
            "x-msvideo" => "avi",
            "svg+xml" => "svg",
            "x-flv" => "flv",
            var subtype => subtype,
        };
    }

    private static void CopyText(JsonObject metadata, MediaFacts facts, string key, string fact)
    {
        if (metadata[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text)
        {
            facts.Set(fact, text);
        }
    }

    private static void CopyNumber(JsonObject metadata, MediaFacts facts, string key, string fact)
    {
        if (Number(metadata, key) is { } number)
        {
            facts.Set(fact, number);
        }
    }

    private static void CopyFlag(JsonObject metadata, MediaFacts facts, string key, string fact)
    {
        if (metadata[key] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            facts.Set(fact, value.GetValue<bool>());
        }
    }

    /// <summary>A number stored as a number or as a numeric string (the seed keeps <c>sampleRate</c>, <c>channels</c> and <c>bitrate</c> as strings).</summary>
    private static double? Number(JsonObject metadata, string key) => metadata[key] is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.Number => value.GetValue<double>(),
            JsonValueKind.String when double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) => parsed,
            _ => null,
        }
        : null;
}
