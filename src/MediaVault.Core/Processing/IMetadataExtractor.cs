using System.Text.Json.Nodes;

namespace MediaVault.Core.Processing;

/// <summary>Reads technical metadata from a stored original. One implementation per family of formats.</summary>
public interface IMetadataExtractor
{
    /// <summary>Whether this extractor understands <paramref name="mimeType"/>.</summary>
    bool CanHandle(string mimeType);

    /// <summary>
    /// Extracts metadata from the local file at <paramref name="path"/> as seed-shaped JSON
    /// (<c>duration</c> seconds as a number; <c>bitrate</c>, <c>sampleRate</c>, <c>channels</c>, <c>codec</c> as strings).
    /// </summary>
    /// <exception cref="MediaUnreadableException">The content could not be read as its type.</exception>
    Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken);
}
