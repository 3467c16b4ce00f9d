using System.Text.Json;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Analysis;

/// <summary>
/// Chromaprint fingerprints with <c>fpcalc -raw</c>, jailed like ffmpeg and reading the original with the demuxer its
/// sniffed type allows (<c>-format</c>). Up to <see cref="MaxSeconds"/> of audio are fingerprinted.
/// </summary>
public sealed class ChromaprintFingerprinter(ProcessRunner runner, IOptions<FfmpegOptions> options) : IAudioFingerprinter
{
    public const int MaxSeconds = 600;

    public bool CanHandle(string mimeType) => mimeType.StartsWith("audio/", StringComparison.Ordinal);

    public async Task<AudioFingerprint?> FingerprintAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        var demuxer = FfmpegInput.Options(mimeType, path)[1];
        string[] arguments = ["-raw", "-json", "-length", MaxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "-format", demuxer, ToolJail.InputName];
        using var jail = await runner.OpenJailAsync(path, cancellationToken);
        var result = await runner.RunAsync(options.Value.FpcalcPath, arguments, jail, options.Value.FfmpegTimeout, cancellationToken);
        // fpcalc 1.5 built on ffmpeg 5 exits with 3 after printing a whole fingerprint ("Error decoding audio frame
        // (End of file)"): what it printed decides, not the exit code.
        var output = Parse(result.StandardOutput);
        if (output is null && result.ExitCode != 0)
        {
            throw new MediaUnreadableException($"fpcalc could not fingerprint the file: {result.StandardErrorTail}");
        }

        return output;
    }

    /// <summary>fpcalc's <c>-raw -json</c> output; null when it holds no fingerprint.</summary>
    public static AudioFingerprint? Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("fingerprint", out var points) || points.ValueKind != JsonValueKind.Array || points.GetArrayLength() == 0)
        {
            return null;
        }

        var duration = root.TryGetProperty("duration", out var seconds) && seconds.ValueKind == JsonValueKind.Number ? seconds.GetDouble() : 0;
        return new AudioFingerprint(points.EnumerateArray().Select(p => p.GetUInt32()).ToArray(), duration);
    }
}
