using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Waveform;

/// <summary>
/// Audio waveform peaks (<c>waveform.json</c>, the audiowaveform JSON format: interleaved min/max 16-bit values),
/// decoded by ffmpeg to 8 kHz mono and reduced while streaming.
/// </summary>
public sealed class WaveformGenerator(FfmpegRunner ffmpeg, IOptions<ProcessingOptions> options) : IRenditionGenerator
{
    public const string WaveformName = "waveform.json";
    private const int SampleRate = 8000;

    public bool CanHandle(string mimeType) => mimeType.StartsWith("audio/", StringComparison.Ordinal);

    public bool UsesMetadata => false;

    public async Task<IReadOnlyList<RenditionFile>> GenerateAsync(RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        var peaks = new WaveformPeaks();
        string[] output = ["-map", "0:a:0", "-ac", "1", "-ar", "8000", "-f", "s16le", "-acodec", "pcm_s16le"];
        await ffmpeg.StreamAsync(source.Path, source.MimeType, output, (stdout, ct) => ReadSamplesAsync(stdout, peaks, ct), cancellationToken);

        var (data, samplesPerPoint) = peaks.Reduce(options.Value.WaveformPoints);
        var target = Path.Combine(workDirectory, WaveformName);
        await using (var file = File.Create(target))
        {
            var document = new WaveformDocument(2, 1, SampleRate, samplesPerPoint, 16, data.Length / 2, data);
            await JsonSerializer.SerializeAsync(file, document, WaveformDocument.JsonOptions, cancellationToken);
        }

        return [new RenditionFile(WaveformName, "application/json", target)];
    }

    private static async Task ReadSamplesAsync(Stream stdout, WaveformPeaks peaks, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var carry = 0;
            int read;
            while ((read = await stdout.ReadAsync(buffer.AsMemory(carry, 64 * 1024 - carry), cancellationToken)) > 0)
            {
                var available = carry + read;
                var whole = available & ~1;
                peaks.Add(MemoryMarshal.Cast<byte, short>(buffer.AsSpan(0, whole)));
                carry = available - whole;
                if (carry == 1)
                {
                    buffer[0] = buffer[whole];
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
