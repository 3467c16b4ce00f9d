using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaVault.Core.Media;

/// <summary>
/// Reads and writes <see cref="MediaItem.MetadataJson"/>. Keys follow the release media seed:
/// <c>duration</c> (seconds, number), <c>bitrate</c>/<c>sampleRate</c>/<c>channels</c>/<c>codec</c> (strings),
/// <c>width</c>/<c>height</c>/<c>frameRate</c>/<c>pageCount</c> (numbers), <c>tags</c> (object).
/// </summary>
public static class MediaMetadata
{
    public static JsonObject Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        return JsonNode.Parse(json) as JsonObject ?? [];
    }

    public static string Serialize(JsonObject metadata) => metadata.ToJsonString(JsonSerializerOptions.Default);

    /// <summary>Merges <paramref name="extracted"/> into the media's metadata, replacing keys it names.</summary>
    public static void Merge(MediaItem media, JsonObject extracted)
    {
        var current = Parse(media.MetadataJson);
        foreach (var (key, value) in extracted)
        {
            current[key] = value?.DeepClone();
        }

        media.MetadataJson = Serialize(current);
    }
}
