using MediaVault.Core.Processing;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// Runs ffmpeg on one untrusted original with quiet, non-interactive defaults, confined: in its own jail, with the
/// demuxer pinned by the original's type and only the file protocol (<see cref="FfmpegInput"/>); its output goes to the
/// jail's output folder or to stdout only. A failed run becomes <see cref="MediaUnreadableException"/>.
/// </summary>
public sealed class FfmpegRunner(ProcessRunner runner, IOptions<FfmpegOptions> options)
{
    private static readonly string[] Defaults = ["-hide_banner", "-nostdin", "-v", "error", "-y"];

    // The stdout side: the pipe protocol only, and ffmpeg's 32 KiB output buffer filled before each write. By default
    // ffmpeg flushes a pipe after every packet (~420 bytes per MP3 frame of 8 kHz mono PCM: ~6,900 writes for three
    // minutes, each waking the reader); the bytes are the same either way, and the pipe still holds ffmpeg back.
    private static readonly string[] PipeOutput = ["-flush_packets", "0", "-protocol_whitelist", "pipe", "pipe:1"];

    /// <summary>
    /// Writes one file from <paramref name="inputPath"/> and moves it to <paramref name="target"/>; false when ffmpeg
    /// succeeded but wrote nothing (a seek past the last frame).
    /// </summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer, or ffmpeg exited with an error.</exception>
    public Task<bool> WriteFileAsync(
        string inputPath, string mimeType, IEnumerable<string> beforeInput, IEnumerable<string> outputOptions, string target, CancellationToken cancellationToken) =>
        WriteFileAsync(inputPath, mimeType, beforeInput, outputOptions, target, options.Value.FfmpegTimeout, cancellationToken);

    /// <summary>As the other overload, with its own time limit (a conform encode may take longer than a decode).</summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer, or ffmpeg exited with an error.</exception>
    public async Task<bool> WriteFileAsync(
        string inputPath, string mimeType, IEnumerable<string> beforeInput, IEnumerable<string> outputOptions, string target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(target);
        var arguments = FileArguments(inputPath, mimeType, beforeInput, outputOptions, name);
        using var jail = await runner.OpenJailAsync(inputPath, cancellationToken);
        ThrowIfFailed(await runner.RunAsync(options.Value.FfmpegPath, arguments, jail, timeout, cancellationToken));
        var written = jail.HostOutput(name);
        if (!File.Exists(written) || new FileInfo(written).Length == 0)
        {
            return false;
        }

        File.Move(written, target, overwrite: true);
        return true;
    }

    /// <summary>Decodes <paramref name="inputPath"/> to stdout (only the pipe protocol on that side), consumed as a stream.</summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer, or ffmpeg exited with an error.</exception>
    public async Task StreamAsync(
        string inputPath, string mimeType, IEnumerable<string> outputOptions, Func<Stream, CancellationToken, Task> consumeOutput, CancellationToken cancellationToken)
    {
        var arguments = StreamArguments(inputPath, mimeType, outputOptions);
        using var jail = await runner.OpenJailAsync(inputPath, cancellationToken);
        ThrowIfFailed(await runner.RunAsync(options.Value.FfmpegPath, arguments, jail, options.Value.FfmpegTimeout, consumeOutput, cancellationToken));
    }

    /// <summary>
    /// Decodes <paramref name="inputPath"/> through measuring filters (<paramref name="measureOptions"/>, to the null
    /// muxer) while also writing <paramref name="streamOptions"/> to stdout, consumed as a stream; answers the tail of
    /// ffmpeg's log at level info, where filters such as <c>ebur128</c> print their summary.
    /// </summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer, or ffmpeg exited with an error.</exception>
    public async Task<string> MeasureAsync(
        string inputPath, string mimeType, IEnumerable<string> measureOptions, IEnumerable<string> streamOptions, Func<Stream, CancellationToken, Task> consumeOutput, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "-hide_banner", "-nostdin", "-nostats", "-v", "info", "-y", .. FfmpegInput.Arguments(mimeType, inputPath),
            .. measureOptions, "-f", "null", "-", .. streamOptions, .. PipeOutput,
        ];
        using var jail = await runner.OpenJailAsync(inputPath, cancellationToken);
        var result = await runner.RunAsync(options.Value.FfmpegPath, arguments, jail, options.Value.FfmpegTimeout, consumeOutput, cancellationToken);
        ThrowIfFailed(result);
        return result.StandardErrorTail;
    }

    /// <summary>The whole argument list of a file-writing run (the output named in the jail's output folder).</summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer.</exception>
    public static List<string> FileArguments(string inputPath, string mimeType, IEnumerable<string> beforeInput, IEnumerable<string> outputOptions, string outputName) =>
        [.. Defaults, .. FfmpegInput.Arguments(mimeType, inputPath, beforeInput), .. outputOptions, "-protocol_whitelist", "file", "file:" + ToolJail.Output(outputName)];

    /// <summary>The whole argument list of a run that writes to stdout.</summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer.</exception>
    public static List<string> StreamArguments(string inputPath, string mimeType, IEnumerable<string> outputOptions) =>
        [.. Defaults, .. FfmpegInput.Arguments(mimeType, inputPath), .. outputOptions, .. PipeOutput];

    private static void ThrowIfFailed(ProcessResult result)
    {
        if (result.ExitCode != 0)
        {
            throw new MediaUnreadableException($"ffmpeg could not decode the file: {result.StandardErrorTail}");
        }
    }
}
