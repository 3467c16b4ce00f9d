using System.Globalization;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;

namespace MediaVault.Media.Analysis;

/// <summary>
/// Conformed audio: the first audio stream as FLAC or PCM WAV, its sample rate and bit depth lowered where the target
/// says (triangular dither when the bit depth drops), tags and pictures left out. Channels and levels are never touched.
/// </summary>
public sealed class AudioConformer(FfmpegRunner ffmpeg) : IReleaseConformer
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("audio/", StringComparison.Ordinal);

    public async Task<RenditionFile> ConformAsync(RenditionSource source, ReleaseConformTarget target, string workDirectory, CancellationToken cancellationToken)
    {
        var bits = target.BitDepth ?? (int.TryParse(source.Metadata[MetadataKeys.BitDepth]?.GetValue<string>(), CultureInfo.InvariantCulture, out var own) ? own : 24);
        List<string> output = ["-map", "0:a:0", "-map_metadata", "-1", "-af", "aresample=dither_method=triangular"];
        if (target.SampleRate is { } rate)
        {
            output.AddRange(["-ar", rate.ToString(CultureInfo.InvariantCulture)]);
        }

        var wav = target.Container == "wav";
        output.AddRange(["-c:a", wav ? (bits <= 16 ? "pcm_s16le" : "pcm_s24le") : "flac"]);
        if (!wav)
        {
            output.AddRange(bits <= 16 ? ["-sample_fmt", "s16"] : ["-sample_fmt", "s32", "-bits_per_raw_sample", "24"]);
        }
        output.AddRange(["-f", wav ? "wav" : "flac"]);
        var path = Path.Combine(workDirectory, target.RenditionName);
        if (!await ffmpeg.WriteFileAsync(source.Path, source.MimeType, [], output, path, cancellationToken))
        {
            throw new MediaUnreadableException("ffmpeg wrote no audio for the conformed rendition");
        }

        return new RenditionFile(target.RenditionName, wav ? "audio/wav" : "audio/flac", path);
    }
}
