using System.Text.Json.Serialization;

namespace MediaVault.Media.Ffprobe;

/// <summary>The raw shape of <c>ffprobe -print_format json -show_format -show_streams</c>. Numbers arrive as strings.</summary>
public sealed class FfprobeOutput
{
    [JsonPropertyName("format")]
    public FfprobeFormat? Format { get; set; }

    [JsonPropertyName("streams")]
    public List<FfprobeStream> Streams { get; set; } = [];
}
