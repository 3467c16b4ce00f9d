using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Core.Media;

namespace MediaVault.Core.Profiles;

/// <summary>
/// A media's facts for profile rules, from its stored metadata: every top-level number, text and flag under its own
/// key (the seed's string-typed <c>sampleRate</c>, <c>channels</c>, <c>bitDepth</c> and <c>bitrate</c> as numbers),
/// plus derived facts: <c>container</c> (a short name: <c>wav</c>, <c>flac</c>, <c>aiff</c>, <c>mp3</c>, <c>m4a</c>…
/// for audio, the image format for images), <c>lossless</c>, <c>durationSeconds</c>, <c>fileSizeBytes</c> and
/// <c>shortEdge</c> (the smaller of width and height).
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

    public static MediaFacts Of(MediaItem media)
    {
        var facts = new MediaFacts();
        var metadata = MediaMetadata.Parse(media.MetadataJson);
        foreach (var (key, node) in metadata)
        {
            if (node is not JsonValue value)
            {
                continue;
            }

            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    facts.Set(key, value.GetValue<double>());
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    facts.Set(key, value.GetValue<bool>());
                    break;
                case JsonValueKind.String when NumericTexts.Contains(key):
                    if (double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                    {
                        facts.Set(key, number);
                    }

                    break;
                case JsonValueKind.String:
                    facts.Set(key, value.GetValue<string>());
                    break;
            }
        }

        AddDerived(media, metadata, facts);
        return facts;
    }

    private static void AddDerived(MediaItem media, JsonObject metadata, MediaFacts facts)
    {
        if (media.Size is { } size)
        {
            facts.Set("fileSizeBytes", size);
        }

        if (facts.TryGet(MetadataKeys.Duration, out var duration))
        {
            facts.Set("durationSeconds", duration);
        }

        if (media.Kind == MediaKind.Audio)
        {
            var container = media.MimeType is { } mime && AudioContainers.TryGetValue(mime, out var known)
                ? known
                : metadata[MetadataKeys.Container]?.GetValue<string>();
            if (container is not null)
            {
                facts.Set(MetadataKeys.Container, container);
            }

            if (metadata[MetadataKeys.Codec]?.GetValue<string>() is { } codec)
            {
                facts.Set("audioCodec", codec);
                facts.Set("lossless", codec.StartsWith("pcm_", StringComparison.Ordinal) || LosslessCodecs.Contains(codec));
            }
        }
        else if (media.Kind == MediaKind.Image)
        {
            if (metadata["format"]?.GetValue<string>() is { } format)
            {
                facts.Set(MetadataKeys.Container, format);
            }

            if (facts.TryGet(MetadataKeys.Width, out var width) && facts.TryGet(MetadataKeys.Height, out var height))
            {
                facts.Set("shortEdge", Math.Min(width.Number, height.Number));
            }
        }
    }
}
