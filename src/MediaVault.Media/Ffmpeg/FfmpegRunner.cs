using MediaVault.Core.Processing;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffmpeg;

/// <summary>Runs ffmpeg with quiet, non-interactive defaults and turns a failed run into <see cref="MediaUnreadableException"/>.</summary>
public sealed class FfmpegRunner(ProcessRunner runner, IOptions<FfmpegOptions> options)
{
    /// <exception cref="MediaUnreadableException">ffmpeg exited with an error.</exception>
    public async Task RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(options.Value.FfmpegPath, Defaults.Concat(arguments), options.Value.FfmpegTimeout, cancellationToken);
        ThrowIfFailed(result);
    }

    /// <summary>Runs ffmpeg with its output (<c>-</c>) consumed as a stream.</summary>
    /// <exception cref="MediaUnreadableException">ffmpeg exited with an error.</exception>
    public async Task RunAsync(IEnumerable<string> arguments, Func<Stream, CancellationToken, Task> consumeOutput, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(options.Value.FfmpegPath, Defaults.Concat(arguments), options.Value.FfmpegTimeout, consumeOutput, cancellationToken);
        ThrowIfFailed(result);
    }

    private static readonly string[] Defaults = ["-hide_banner", "-nostdin", "-v", "error", "-y"];

    private static void ThrowIfFailed(ProcessResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new MediaUnreadableException($"ffmpeg could not decode the file: {result.StandardErrorTail}");
        }
    }
}
