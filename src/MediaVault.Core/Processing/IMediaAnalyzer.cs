using System.Text.Json.Nodes;

namespace MediaVault.Core.Processing;

/// <summary>
/// Measures what delivery profiles check on a ready media (loudness, silence, chunk validity, colour space…), in a
/// <see cref="JobKinds.AnalyzeMedia"/> job after the media is ready. Returns metadata keys of <c>AnalysisKeys</c>.
/// </summary>
public interface IMediaAnalyzer
{
    bool CanHandle(string mimeType);

    /// <exception cref="MediaUnreadableException">The file cannot be measured; retrying would not help.</exception>
    Task<JsonObject> AnalyzeAsync(RenditionSource source, CancellationToken cancellationToken);
}
