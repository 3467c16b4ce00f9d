using System.Text.Json;
using System.Text.Json.Serialization;

namespace MediaVault.Media.Waveform;

/// <summary>The audiowaveform (BBC) JSON layout, readable by peaks.js and similar players.</summary>
public sealed record WaveformDocument(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("channels")] int Channels,
    [property: JsonPropertyName("sample_rate")] int SampleRate,
    [property: JsonPropertyName("samples_per_pixel")] int SamplesPerPixel,
    [property: JsonPropertyName("bits")] int Bits,
    [property: JsonPropertyName("length")] int Length,
    [property: JsonPropertyName("data")] short[] Data)
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
