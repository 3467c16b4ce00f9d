using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;

namespace MediaVault.Media.Analysis;

/// <summary>WAV and AIFF chunk validity and a WAV's format code (<see cref="RiffChunks"/>), read from the local copy by our own parser.</summary>
public sealed class ChunkAnalyzer : IMediaAnalyzer
{
    public bool CanHandle(string mimeType) => mimeType is "audio/wav" or "audio/aiff";

    public async Task<JsonObject> AnalyzeAsync(RenditionSource source, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(source.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        var inspection = RiffChunks.Inspect(file);
        var result = new JsonObject { [AnalysisKeys.ChunksValid] = inspection.Problem is null };
        if (inspection.Problem is { } problem)
        {
            result[AnalysisKeys.ChunkProblem] = problem;
        }

        if (inspection.WaveFormat is { } format)
        {
            result[AnalysisKeys.WavFormat] = format;
        }

        return result;
    }
}
