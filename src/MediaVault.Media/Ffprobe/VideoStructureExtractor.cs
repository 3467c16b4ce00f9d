using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffprobe;

/// <summary>
/// The structure facts of a video that the stream listing does not give: GOP closure (<see cref="GopStructure"/>,
/// from a confined ffprobe packet listing of the first <see cref="GopStructure.PacketWindow"/> video packets) and,
/// for MP4/MOV, whether <c>moov</c> precedes <c>mdat</c> (<see cref="Mp4BoxOrder"/>, our own walk of the box headers).
/// </summary>
public sealed class VideoStructureExtractor(ProcessRunner runner, IOptions<FfprobeOptions> options) : IMetadataExtractor
{
    public bool CanHandle(string mimeType) => mimeType.StartsWith("video/", StringComparison.Ordinal);

    public async Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        var result = new JsonObject();
        if (MediaFormats.ForMimeType(mimeType)?.Demuxer == "mov")
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            if (Mp4BoxOrder.MoovBeforeMdat(file) is { } faststart)
            {
                result[MetadataKeys.Faststart] = faststart;
            }
        }

        using var jail = await runner.OpenJailAsync(path, cancellationToken);
        var run = await runner.RunAsync(options.Value.FfprobePath, Arguments(path, mimeType), jail, options.Value.Timeout, cancellationToken);
        if (run.ExitCode == 0 && GopStructure.IsClosed(run.StandardOutput) is { } closed)
        {
            result[MetadataKeys.ClosedGop] = closed;
        }

        return result;
    }

    /// <summary>The packet listing's arguments: the first video stream's packets, no decoding, CSV without section names.</summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer.</exception>
    public static List<string> Arguments(string path, string mimeType) =>
    [
        "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts,dts,flags", "-read_intervals", $"%+#{GopStructure.PacketWindow}",
        "-print_format", "csv=p=0", .. FfmpegInput.Arguments(mimeType, path),
    ];
}
