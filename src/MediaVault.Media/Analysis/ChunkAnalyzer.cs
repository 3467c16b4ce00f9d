using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;

namespace MediaVault.Media.Analysis;

/// <summary>WAV and AIFF chunk validity (<see cref="RiffChunks"/>), read from the local copy by our own parser.</summary>
public sealed class ChunkAnalyzer : IMediaAnalyzer
{
    public bool CanHandle(string mimeType) => mimeType is "audio/wav" or "audio/aiff";

    public async Task<JsonObject> AnalyzeAsync(RenditionSource source, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var problem = RiffChunks.Validate(file);
        var result = new JsonObject { [AnalysisKeys.ChunksValid] = problem is null };
        if (problem is not null)
        {
            result[AnalysisKeys.ChunkProblem] = problem;
        }

        return result;
    }
}
