using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Core.Media;

namespace MediaVault.Core.Profiles;

/// <summary>
/// A media's facts for profile rules (release readiness and social compatibility alike), read from what processing and
/// analysis stored (<see cref="MediaItem.MetadataJson"/>, its size and type): nothing is measured again, and a fact
/// nothing measured is absent. Every top-level number, text and flag of the metadata is a fact under its own key (the
/// seed's string-typed <c>sampleRate</c>, <c>channels</c>, <c>bitDepth</c> and <c>bitrate</c> as numbers), plus derived
/// facts: <c>container</c> (a short name: <c>wav</c>, <c>flac</c>, <c>mp3</c>, <c>mp4</c>, <c>mov</c>, <c>jpeg</c>…),
/// <c>audioCodec</c> and <c>lossless</c> for audio, <c>fileSizeBytes</c> and <c>fileSizeMegabytes</c> (decimal, 10⁶
/// bytes: the smaller reading of a network's "MB"), <c>durationSeconds</c>, <c>width</c>/<c>height</c> as displayed
/// (after a video's rotation), <c>aspectRatio</c> (displayed width ÷ height), <c>pixelCount</c>, <c>shortEdge</c> and,
/// for audio and video, <c>hasAudio</c>.
/// </summary>
public static class MetadataFacts
{
    private static readonly HashSet<string> NumericTexts = [MetadataKeys.SampleRate, MetadataKeys.Channels, MetadataKeys.BitDepth, MetadataKeys.Bitrate];

    private static readonly Dictionary<string, string> AudioContainers = new(StringComparer.Ordinal)
    {
        ["audio/wav"] = "wav", ["audio/flac"] = "flac", ["audio/aiff"] = "aiff", ["audio/mpeg"] = "mp3", ["audio/mp4"] = "m4a",
        ["audio/aac"] = "aac", ["audio/ogg"] = "ogg", ["audio/webm"] = "webm", ["audio/x-matroska"] = "mka", ["audio/x-wavpack"] = "wv",
    };

    private static readonly HashSet<string> LosslessCodecs = ["flac", "alac", "wavpack", "ape", "tta", "mlp", "truehd"];

    /// <summary>The profile engine's kind of <paramref name="media"/>: <c>audio</c>, <c>image</c>, <c>video</c> or <c>document</c>.</summary>
    public static string KindOf(MediaItem media) => media.Kind.ToString().ToLowerInvariant();

    public static MediaFacts Of(MediaItem media)
    {
        var facts = new MediaFacts();
        var metadata = MediaMetadata.Parse(media.MetadataJson);
        foreach (var (key, node) in metadata)
        {
            if (node is JsonValue value && Scalar(key, value) is { } fact)
            {
                facts.Set(key, fact);
            }
        }

        AddFile(media, facts);
        AddShape(metadata, facts);
        if (media.Kind is MediaKind.Audio or MediaKind.Video)
        {
            AddSound(media, metadata, facts);
        }

        return facts;
    }

    /// <summary>A short container name from the stored (sniffed) type: <c>mp3</c>, <c>wav</c>, <c>mp4</c>, <c>mov</c>, <c>jpeg</c>, <c>png</c>…</summary>
    public static string? Container(string mimeType)
    {
        if (AudioContainers.TryGetValue(mimeType, out var audio))
        {
            return audio;
        }

        var slash = mimeType.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? null
            : mimeType[(slash + 1)..] switch
            {
                "quicktime" => "mov",
                "x-matroska" => "mkv",
                "x-msvideo" => "avi",
                "svg+xml" => "svg",
                "x-flv" => "flv",
                var subtype => subtype,
            };
    }

    private static FactValue? Scalar(string key, JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => FactValue.Of(value.GetValue<double>()),
        JsonValueKind.True or JsonValueKind.False => FactValue.Of(value.GetValue<bool>()),
        JsonValueKind.String when NumericTexts.Contains(key) =>
            double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? FactValue.Of(number) : null,
        JsonValueKind.String when value.GetValue<string>() is { Length: > 0 } text => FactValue.Of(text),
        _ => null,
    };

    private static void AddFile(MediaItem media, MediaFacts facts)
    {
        if (media.MimeType is { } mimeType && Container(mimeType) is { } container)
        {
            facts.Set(MetadataKeys.Container, container);
        }

        if (media.Size is { } size)
        {
            facts.Set("fileSizeBytes", size);
            facts.Set("fileSizeMegabytes", Math.Round(size / 1_000_000.0, 3));
        }

        if (facts.TryGet(MetadataKeys.Duration, out var duration))
        {
            facts.Set("durationSeconds", duration);
        }
    }

    private static void AddShape(JsonObject metadata, MediaFacts facts)
    {
        var rotation = Number(metadata, MetadataKeys.Rotation) ?? 0;
        if ((Number(metadata, MetadataKeys.Width), Number(metadata, MetadataKeys.Height)) is not ({ } width and > 0, { } height and > 0))
        {
            return;
        }

        var turned = rotation is 90 or 270 or -90 or -270;
        var (shownWidth, shownHeight) = turned ? (height, width) : (width, height);
        facts.Set(MetadataKeys.Width, shownWidth);
        facts.Set(MetadataKeys.Height, shownHeight);
        facts.Set("pixelCount", width * height);
        facts.Set("shortEdge", Math.Min(width, height));
        facts.Set("aspectRatio", Number(metadata, MetadataKeys.DisplayAspectRatio) ?? Math.Round(shownWidth / shownHeight, 4));
    }

    private static void AddSound(MediaItem media, JsonObject metadata, MediaFacts facts)
    {
        if (media.Kind == MediaKind.Audio && metadata[MetadataKeys.Codec] is JsonValue codecValue && codecValue.GetValueKind() == JsonValueKind.String)
        {
            var codec = codecValue.GetValue<string>();
            facts.Set(MetadataKeys.AudioCodec, codec);
            facts.Set("lossless", codec.StartsWith("pcm_", StringComparison.Ordinal) || LosslessCodecs.Contains(codec));
        }

        facts.Set("hasAudio", media.Kind == MediaKind.Audio || metadata[MetadataKeys.AudioCodec] is not null);
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
