using System.Globalization;
using System.Text.Json;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Sniffing;

/// <summary>
/// Asks ffprobe what a complete file is when its leading bytes could not tell: confined like every other tool run (a
/// jail, <c>file:</c> input, <c>-protocol_whitelist file</c>) and allowed to choose only among the demuxers of
/// <see cref="MediaFormats"/> (<c>-format_whitelist</c>: a playlist, concat script or image sequence is refused before
/// its demuxer reads anything). The demuxer it names and whether a real video stream exists give the type, through the
/// same table that later pins the demuxer for processing; a demuxer the table lacks is not recognised.
/// </summary>
public sealed partial class FfprobeContentProbe(ProcessRunner runner, IOptions<FfprobeOptions> options, ILogger<FfprobeContentProbe> logger) : IContentProbe
{
    /// <summary>How many bytes ffprobe may read to choose a demuxer and find the streams.</summary>
    public const int ProbeSize = 2 * 1024 * 1024;

    public async Task<SniffResult?> RecognizeAsync(string localPath, SniffResult? fromHeader, CancellationToken cancellationToken)
    {
        if (fromHeader is { NeedsStreams: false })
        {
            return fromHeader;
        }

        var probed = await ProbeAsync(localPath, fromHeader, cancellationToken);
        return probed ?? (fromHeader is null ? null : fromHeader with { NeedsStreams = false });
    }

    /// <summary>The whole argument list: only the table's demuxers, the file protocol only, a small probe, the jail's input.</summary>
    public static List<string> Arguments() =>
    [
        "-v", "error",
        "-format_whitelist", string.Join(',', MediaFormats.Demuxers),
        "-protocol_whitelist", "file",
        "-probesize", ProbeSize.ToString(CultureInfo.InvariantCulture),
        "-show_entries", "format=format_name:stream=codec_type:stream_disposition=attached_pic",
        "-print_format", "json",
        "-i", "file:" + ToolJail.InputName,
    ];

    /// <summary>The type for a probe's output, or null when it found no audio or video the table allows.</summary>
    public static SniffResult? Classify(FfprobeOutput probe, string? hint)
    {
        if (probe.Format?.FormatName is not { Length: > 0 } formatName)
        {
            return null;
        }

        var hasVideo = probe.Streams.Any(s => s.CodecType == "video" && !s.IsAttachedPicture);
        if (!hasVideo && !probe.Streams.Any(s => s.CodecType == "audio"))
        {
            return null;
        }

        var format = MediaFormats.ForProbe(formatName, hasVideo ? MediaKind.Video : MediaKind.Audio, hint);
        return format is null ? null : new SniffResult(format.Kind, format.MimeType);
    }

    private async Task<SniffResult?> ProbeAsync(string localPath, SniffResult? fromHeader, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            using var jail = await runner.OpenJailAsync(localPath, cancellationToken);
            result = await runner.RunAsync(options.Value.FfprobePath, Arguments(), jail, options.Value.ProbeTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is ProcessFailedException or MediaUnreadableException)
        {
            // A probe that runs too long (or cannot run) recognises nothing: the upload is refused, not failed.
            LogProbeFailed(ex.Message);
            return null;
        }

        if (result.ExitCode != 0)
        {
            LogNotRecognised(result.StandardErrorTail);
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FfprobeOutput>(result.StandardOutput) is { } probe ? Classify(probe, fromHeader?.MimeType) : null;
        }
        catch (JsonException ex)
        {
            LogProbeFailed(ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "ffprobe recognised no allowed format: {StandardErrorTail}")]
    private partial void LogNotRecognised(string standardErrorTail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Content probe failed, treating the content as not recognised: {Reason}")]
    private partial void LogProbeFailed(string reason);
}
