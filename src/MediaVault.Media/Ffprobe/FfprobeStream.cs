using System.Text.Json.Serialization;

namespace MediaVault.Media.Ffprobe;

public sealed class FfprobeStream
{
    [JsonPropertyName("index")]
    public int Index { get; set; }

    [JsonPropertyName("codec_type")]
    public string? CodecType { get; set; }

    [JsonPropertyName("codec_name")]
    public string? CodecName { get; set; }

    [JsonPropertyName("sample_rate")]
    public string? SampleRate { get; set; }

    [JsonPropertyName("channels")]
    public int? Channels { get; set; }

    [JsonPropertyName("channel_layout")]
    public string? ChannelLayout { get; set; }

    [JsonPropertyName("sample_fmt")]
    public string? SampleFormat { get; set; }

    [JsonPropertyName("bits_per_sample")]
    public int? BitsPerSample { get; set; }

    [JsonPropertyName("bits_per_raw_sample")]
    public string? BitsPerRawSample { get; set; }

    [JsonPropertyName("bit_rate")]
    public string? BitRate { get; set; }

    [JsonPropertyName("width")]
    public int? Width { get; set; }

    [JsonPropertyName("height")]
    public int? Height { get; set; }

    [JsonPropertyName("avg_frame_rate")]
    public string? AverageFrameRate { get; set; }

    [JsonPropertyName("r_frame_rate")]
    public string? RealFrameRate { get; set; }

    [JsonPropertyName("duration")]
    public string? Duration { get; set; }

    [JsonPropertyName("profile")]
    public string? Profile { get; set; }

    [JsonPropertyName("pix_fmt")]
    public string? PixelFormat { get; set; }

    [JsonPropertyName("field_order")]
    public string? FieldOrder { get; set; }

    [JsonPropertyName("sample_aspect_ratio")]
    public string? SampleAspectRatio { get; set; }

    [JsonPropertyName("side_data_list")]
    public List<FfprobeSideData>? SideData { get; set; }

    [JsonPropertyName("disposition")]
    public Dictionary<string, int>? Disposition { get; set; }

    [JsonPropertyName("tags")]
    public Dictionary<string, string>? Tags { get; set; }

    public bool IsAttachedPicture => Disposition?.GetValueOrDefault("attached_pic") == 1;
}
