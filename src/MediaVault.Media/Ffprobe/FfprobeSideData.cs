using System.Text.Json.Serialization;

namespace MediaVault.Media.Ffprobe;

/// <summary>One entry of a stream's <c>side_data_list</c>; only the display matrix's rotation is read.</summary>
public sealed class FfprobeSideData
{
    [JsonPropertyName("side_data_type")]
    public string? Type { get; set; }

    [JsonPropertyName("rotation")]
    public double? Rotation { get; set; }
}
