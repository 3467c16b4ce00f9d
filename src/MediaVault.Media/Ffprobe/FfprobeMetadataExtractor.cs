using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Ffprobe;

/// <summary>Audio and video metadata from an ffprobe process.</summary>
public sealed class FfprobeMetadataExtractor(ProcessRunner runner, IOptions<FfprobeOptions> options) : IMetadataExtractor
{
    public bool CanHandle(string mimeType) =>
        mimeType.StartsWith("audio/", StringComparison.Ordinal) || mimeType.StartsWith("video/", StringComparison.Ordinal);

    public async Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        string[] arguments = ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "--", path];
        var result = await runner.RunAsync(options.Value.FfprobePath, arguments, options.Value.Timeout, cancellationToken);
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
}
