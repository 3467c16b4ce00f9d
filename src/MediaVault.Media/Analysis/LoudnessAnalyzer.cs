using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;

namespace MediaVault.Media.Analysis;

/// <summary>
/// Loudness by EBU R128 (ffmpeg's <c>ebur128=peak=true</c>: integrated loudness, loudness range, true peak) and, from
/// the same decode streamed as 32-bit float PCM, sample peak, clipped samples and leading/trailing silence
/// (<see cref="PcmLevels"/>). One ffmpeg run, confined like every other.
/// </summary>
public sealed class LoudnessAnalyzer(FfmpegRunner ffmpeg) : IMediaAnalyzer
{
    private const int BlockBytes = 64 * 1024;

    public bool CanHandle(string mimeType) => mimeType.StartsWith("audio/", StringComparison.Ordinal);

    public async Task<JsonObject> AnalyzeAsync(RenditionSource source, CancellationToken cancellationToken)
    {
        var channels = Number(source.Metadata[MetadataKeys.Channels]) ?? 2;
        var sampleRate = Number(source.Metadata[MetadataKeys.SampleRate]) ?? 48000;
        var levels = new PcmLevels(channels, sampleRate);
        string[] measure = ["-map", "0:a:0", "-af", "ebur128=peak=true:framelog=verbose"];
        string[] stream = ["-map", "0:a:0", "-ac", channels.ToString(CultureInfo.InvariantCulture), "-ar", sampleRate.ToString(CultureInfo.InvariantCulture), "-c:a", "pcm_f32le", "-f", "f32le"];
        var log = await ffmpeg.MeasureAsync(source.Path, source.MimeType, measure, stream, (stdout, ct) => ReadAsync(stdout, levels, ct), cancellationToken);
        var summary = EbuR128Summary.Parse(log) ?? throw new MediaUnreadableException("ffmpeg printed no loudness summary");

        var result = new JsonObject
        {
            [AnalysisKeys.IntegratedLoudness] = summary.IntegratedLoudness,
            [AnalysisKeys.LoudnessRange] = summary.LoudnessRange,
            [AnalysisKeys.TruePeak] = summary.TruePeak,
            [AnalysisKeys.SamplePeak] = levels.SamplePeakDb is { } peak ? Math.Round(peak, 2) : null,
            [AnalysisKeys.ClippedSamples] = levels.ClippedSamples,
            [AnalysisKeys.LeadingSilence] = Math.Round(levels.LeadingSilence, 3),
            [AnalysisKeys.TrailingSilence] = Math.Round(levels.TrailingSilence, 3),
        };
        foreach (var key in result.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            result.Remove(key);
        }

        return result;
    }

    /// <summary>ffprobe's channel count and sample rate are strings on the wire (as in the seed); either may be a number.</summary>
    private static int? Number(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) && number > 0 => number,
        JsonValue value when value.TryGetValue<string>(out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 => parsed,
        _ => null,
    };

    private static async Task ReadAsync(Stream stdout, PcmLevels levels, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            var carry = 0;
            int read;
            while ((read = await stdout.ReadAsync(buffer.AsMemory(carry, BlockBytes - carry), cancellationToken)) > 0)
            {
                var available = carry + read;
                var whole = available & ~3;
                levels.Add(MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, whole)));
                carry = available - whole;
                buffer.AsSpan(whole, carry).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
