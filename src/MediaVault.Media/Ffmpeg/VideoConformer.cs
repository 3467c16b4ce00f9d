using MediaVault.Core.Compatibility;
using MediaVault.Core.Processing;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffmpeg;

/// <summary>Encodes a <see cref="ConformPlan"/>'s MP4 with the confined ffmpeg (<see cref="FfmpegRunner"/>), within <see cref="FfmpegOptions.ConformTimeout"/>.</summary>
public sealed class VideoConformer(FfmpegRunner ffmpeg, IOptions<FfmpegOptions> options)
{
    /// <exception cref="MediaUnreadableException">ffmpeg failed or wrote nothing.</exception>
    public async Task WriteAsync(string inputPath, string mimeType, ConformPlan plan, double sourceFrameRate, string target, CancellationToken cancellationToken)
    {
        if (!await ffmpeg.WriteFileAsync(inputPath, mimeType, [], ConformArguments.Video(plan, sourceFrameRate), target, options.Value.ConformTimeout, cancellationToken))
        {
            throw new MediaUnreadableException("ffmpeg wrote no video");
        }
    }
}
