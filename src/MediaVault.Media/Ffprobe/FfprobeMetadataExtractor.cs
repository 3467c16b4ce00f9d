using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffprobe;

/// <summary>Audio and video metadata from an ffprobe process, confined like ffmpeg (<see cref="FfmpegInput"/>, a jail).</summary>
public sealed class FfprobeMetadataExtractor(ProcessRunner runner, IOptions<FfprobeOptions> options) : IMetadataExtractor
{
    public bool CanHandle(string mimeType) =>
        mimeType.StartsWith("audio/", StringComparison.Ordinal) || mimeType.StartsWith("video/", StringComparison.Ordinal);

    public async Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        var arguments = Arguments(path, mimeType);
        using var jail = await runner.OpenJailAsync(path, cancellationToken);
        var result = await runner.RunAsync(options.Value.FfprobePath, arguments, jail, options.Value.Timeout, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new MediaUnreadableException($"ffprobe could not read the file: {result.StandardErrorTail}");
        }

        FfprobeOutput? probe;
        try
        {
            probe = JsonSerializer.Deserialize<FfprobeOutput>(result.StandardOutput);
        }
        catch (JsonException ex)
        {
            throw new MediaUnreadableException("ffprobe printed output that is not JSON", ex);
        }

        return FfprobeNormalizer.Normalize(probe ?? new FfprobeOutput());
    }

    /// <summary>The whole argument list: the pinned demuxer and file-only protocol before the jail's input.</summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer.</exception>
    public static List<string> Arguments(string path, string mimeType) =>
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", .. FfmpegInput.Arguments(mimeType, path)];
}
