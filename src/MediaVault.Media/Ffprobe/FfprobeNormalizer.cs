using MediaVault.Core.Media;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;

namespace MediaVault.Media.Ffprobe;

/// <summary>
/// Turns raw ffprobe output into the seed's metadata shape. Pure, so each quirk of a real file is fixed by adding
/// a captured fixture and a test. <c>bitrate</c> is in kbit/s like the seed's <c>"320"</c>; <c>bitDepth</c> (bits per
/// sample) is given for PCM and lossless audio only, since a lossy codec has none.
/// </summary>
public static class FfprobeNormalizer
{
    private static readonly Dictionary<string, string> TagNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = "title",
        ["artist"] = "artist",
        ["album"] = "album",
        ["album_artist"] = "albumArtist",
        ["genre"] = "genre",
        ["date"] = "date",
        ["track"] = "track",
        ["TSRC"] = "isrc",
        ["ISRC"] = "isrc",
        ["composer"] = "composer",
        ["copyright"] = "copyright",
        ["publisher"] = "publisher",
    };

    private static readonly HashSet<string> LosslessCodecs = new(StringComparer.Ordinal)
    {
        "flac", "alac", "wavpack", "tta", "ape", "mlp", "truehd", "wmalossless", "shorten", "tak",
    };

    /// <exception cref="MediaUnreadableException">No playable audio or video stream.</exception>
    public static JsonObject Normalize(FfprobeOutput probe)
    {
        var video = probe.Streams.FirstOrDefault(s => s.CodecType == "video" && !s.IsAttachedPicture);
        var audio = probe.Streams.FirstOrDefault(s => s.CodecType == "audio");
        if (video is null && audio is null)
        {
            throw new MediaUnreadableException("No audio or video stream found");
        }

        var result = new JsonObject();
        var duration = ParseDouble(probe.Format?.Duration) ?? ParseDouble((video ?? audio)!.Duration);
        if (duration is { } seconds)
        {
            result[MetadataKeys.Duration] = Math.Round(seconds, 3);
        }

        var bitRate = ParseDouble(audio?.BitRate) is { } streamRate && video is null ? streamRate : ParseDouble(probe.Format?.BitRate);
        if (bitRate is { } bps)
        {
            result[MetadataKeys.Bitrate] = Math.Round(bps / 1000).ToString(CultureInfo.InvariantCulture);
        }

        if (audio is not null)
        {
            if (!string.IsNullOrEmpty(audio.SampleRate))
            {
                result[MetadataKeys.SampleRate] = audio.SampleRate;
            }

            if (audio.Channels is { } channels)
            {
                result[MetadataKeys.Channels] = channels.ToString(CultureInfo.InvariantCulture);
            }

            if (BitDepth(audio) is { } bitDepth)
            {
                result[MetadataKeys.BitDepth] = bitDepth.ToString(CultureInfo.InvariantCulture);
            }
        }

        result[MetadataKeys.Codec] = (video ?? audio)!.CodecName ?? "unknown";
        if (video is not null)
        {
            AddVideo(result, video, audio);
        }

        if (probe.Format?.FormatName is { } formatName)
        {
            result[MetadataKeys.Container] = formatName;
        }

        if (probe.Streams.Any(s => s.IsAttachedPicture))
        {
            result[MetadataKeys.HasCoverArt] = true;
        }

        var tags = ReadTags(probe.Format?.Tags, audio?.Tags);
        if (tags.Count > 0)
        {
            result[MetadataKeys.Tags] = tags;
        }

        return result;
    }

    private static void AddVideo(JsonObject result, FfprobeStream video, FfprobeStream? audio)
    {
        if (video.Width is { } width && video.Height is { } height)
        {
            result[MetadataKeys.Width] = width;
            result[MetadataKeys.Height] = height;
        }

        if ((ParseRate(video.AverageFrameRate) ?? ParseRate(video.RealFrameRate)) is { } fps)
        {
            result[MetadataKeys.FrameRate] = Math.Round(fps, 3);
        }

        result[MetadataKeys.VideoCodec] = video.CodecName;
        if (audio?.CodecName is { } audioCodec)
        {
            result[MetadataKeys.AudioCodec] = audioCodec;
        }

        VideoAnalysis.Add(result, video, audio);
    }

    /// <summary>
    /// Bits per sample of a PCM or lossless stream: what the codec stored (<c>bits_per_raw_sample</c>), else its
    /// coded width (<c>bits_per_sample</c>), else the width of the decoded sample format. Null for lossy codecs.
    /// </summary>
    private static int? BitDepth(FfprobeStream audio)
    {
        if (audio.CodecName is not { } codec || !(codec.StartsWith("pcm_", StringComparison.Ordinal) || LosslessCodecs.Contains(codec)))
        {
            return null;
        }

        if (int.TryParse(audio.BitsPerRawSample, NumberStyles.None, CultureInfo.InvariantCulture, out var raw) && raw > 0)
        {
            return raw;
        }

        if (audio.BitsPerSample is > 0 and var coded)
        {
            return coded;
        }

        return audio.SampleFormat?.TrimEnd('p') switch
        {
            "u8" => 8,
            "s16" => 16,
            "s32" or "flt" => 32,
            "s64" or "dbl" => 64,
            _ => null,
        };
    }

    private static JsonObject ReadTags(params Dictionary<string, string>?[] sources)
    {
        var tags = new JsonObject();
        foreach (var source in sources)
        {
            foreach (var (key, value) in source ?? [])
            {
                if (TagNames.TryGetValue(key, out var name) && !tags.ContainsKey(name) && !string.IsNullOrWhiteSpace(value))
                {
                    tags[name] = value.Trim();
                }
            }
        }

        return tags;
    }

    private static double? ParseDouble(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed) && parsed >= 0 ? parsed : null;

    private static double? ParseRate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return ParseDouble(value) is > 0 and var plain ? plain : null;
        }

        var numerator = ParseDouble(value[..slash]);
        var denominator = ParseDouble(value[(slash + 1)..]);
        return numerator > 0 && denominator > 0 ? numerator / denominator : null;
    }
}
