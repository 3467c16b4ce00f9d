using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;

namespace MediaVault.Media.Tests.Ffprobe;

public sealed class FfprobeNormalizerTests
{
    [Fact]
    public void Mp3_gives_duration_bitrate_sample_rate_channels_codec_and_tags()
    {
        var metadata = FfprobeNormalizer.Normalize(Samples.Probe("tone.mp3.ffprobe.json"));

        Assert.Equal(JsonValueKind.Number, metadata["duration"]!.GetValueKind());
        Assert.InRange(metadata["duration"]!.GetValue<double>(), 1.95, 2.1);
        Assert.Equal("128", Text(metadata, "bitrate"));
        Assert.Equal("44100", Text(metadata, "sampleRate"));
        Assert.Equal("2", Text(metadata, "channels"));
        Assert.Equal("mp3", Text(metadata, "codec"));
        Assert.Equal("mp3", Text(metadata, "container"));
        var tags = metadata["tags"]!.AsObject();
        Assert.Equal("Test Tone", Text(tags, "title"));
        Assert.Equal("MediaVault", Text(tags, "artist"));
        Assert.Equal("USRC17607839", Text(tags, "isrc"));
        Assert.False(tags.ContainsKey("encoder"));
    }

    [Theory]
    [InlineData("""{"codec_type":"audio","codec_name":"pcm_s24be","sample_fmt":"s32","bits_per_sample":24,"bits_per_raw_sample":"24"}""", "24")]
    [InlineData("""{"codec_type":"audio","codec_name":"pcm_s16le","sample_fmt":"s16","bits_per_sample":16}""", "16")]
    [InlineData("""{"codec_type":"audio","codec_name":"flac","sample_fmt":"s32","bits_per_sample":0,"bits_per_raw_sample":"24"}""", "24")]
    [InlineData("""{"codec_type":"audio","codec_name":"wavpack","sample_fmt":"s16p","bits_per_sample":0}""", "16")]
    [InlineData("""{"codec_type":"audio","codec_name":"pcm_f32be","sample_fmt":"flt","bits_per_sample":32}""", "32")]
    [InlineData("""{"codec_type":"audio","codec_name":"aac","sample_fmt":"fltp","bits_per_sample":0}""", null)]
    [InlineData("""{"codec_type":"audio","codec_name":"mp3","sample_fmt":"fltp","bits_per_sample":0}""", null)]
    [InlineData("""{"codec_type":"audio","codec_name":"adpcm_ima_wav","sample_fmt":"s16p","bits_per_sample":4}""", null)]
    public void Bit_depth_comes_from_the_raw_then_coded_then_decoded_sample_width_and_only_for_pcm_or_lossless(string stream, string? bitDepth)
    {
        var metadata = FfprobeNormalizer.Normalize(Parse($$$"""{"streams":[{{{stream}}}],"format":{"duration":"1.0"}}"""));

        Assert.Equal(bitDepth, metadata["bitDepth"]?.GetValue<string>());
    }

    [Fact]
    public void Mp3_has_no_video_fields()
    {
        var metadata = FfprobeNormalizer.Normalize(Samples.Probe("tone.mp3.ffprobe.json"));

        Assert.False(metadata.ContainsKey("width"));
        Assert.False(metadata.ContainsKey("height"));
        Assert.False(metadata.ContainsKey("frameRate"));
        Assert.False(metadata.ContainsKey("videoCodec"));
        Assert.False(metadata.ContainsKey("hasCoverArt"));
    }

    [Fact]
    public void Mp4_gives_dimensions_frame_rate_and_both_codecs()
    {
        var metadata = FfprobeNormalizer.Normalize(Samples.Probe("clip.mp4.ffprobe.json"));

        Assert.Equal(160, metadata["width"]!.GetValue<int>());
        Assert.Equal(120, metadata["height"]!.GetValue<int>());
        Assert.Equal(25, metadata["frameRate"]!.GetValue<double>());
        Assert.Equal("h264", Text(metadata, "codec"));
        Assert.Equal("h264", Text(metadata, "videoCodec"));
        Assert.Equal("aac", Text(metadata, "audioCodec"));
        Assert.Equal(1.0, metadata["duration"]!.GetValue<double>());
        Assert.Equal("44100", Text(metadata, "sampleRate"));
        Assert.Equal("1", Text(metadata, "channels"));
    }

    [Fact]
    public void Video_bitrate_is_the_container_bitrate_in_kilobits()
    {
        var metadata = FfprobeNormalizer.Normalize(Samples.Probe("clip.mp4.ffprobe.json"));

        Assert.Equal("133", Text(metadata, "bitrate"));
    }

    [Theory]
    [InlineData("""{"streams":[],"format":{"duration":"2.0"}}""")]
    [InlineData("""{}""")]
    [InlineData("""{"streams":[{"codec_type":"data","codec_name":"bin_data"}]}""")]
    [InlineData("""{"streams":[{"codec_type":"subtitle","codec_name":"mov_text"}]}""")]
    [InlineData("""{"streams":[{"codec_type":"video","codec_name":"mjpeg","disposition":{"attached_pic":1}}]}""")]
    public void Output_without_a_playable_stream_is_unreadable(string json)
    {
        Assert.Throws<MediaUnreadableException>(() => FfprobeNormalizer.Normalize(Parse(json)));
    }

    [Fact]
    public void Attached_picture_on_an_mp3_is_cover_art_not_video()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            {
              "streams": [
                { "index": 0, "codec_type": "audio", "codec_name": "mp3", "sample_rate": "48000", "channels": 2, "bit_rate": "320000", "duration": "185.5" },
                { "index": 1, "codec_type": "video", "codec_name": "mjpeg", "width": 600, "height": 600,
                  "avg_frame_rate": "0/0", "r_frame_rate": "90000/1", "disposition": { "default": 0, "attached_pic": 1 } }
              ],
              "format": { "format_name": "mp3", "duration": "185.5", "bit_rate": "325000" }
            }
            """));

        Assert.Equal("mp3", Text(metadata, "codec"));
        Assert.Equal("320", Text(metadata, "bitrate"));
        Assert.True(metadata["hasCoverArt"]!.GetValue<bool>());
        Assert.False(metadata.ContainsKey("width"));
        Assert.False(metadata.ContainsKey("frameRate"));
        Assert.False(metadata.ContainsKey("videoCodec"));
    }

    [Fact]
    public void Missing_format_duration_falls_back_to_the_stream_duration()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "audio", "codec_name": "flac", "duration": "3.25" } ], "format": { "format_name": "flac" } }
            """));

        Assert.Equal(3.25, metadata["duration"]!.GetValue<double>());
    }

    [Fact]
    public void Unusable_format_duration_falls_back_to_the_stream_duration()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "audio", "codec_name": "opus", "duration": "4.5" } ], "format": { "duration": "N/A" } }
            """));

        Assert.Equal(4.5, metadata["duration"]!.GetValue<double>());
    }

    [Fact]
    public void Missing_format_falls_back_to_the_stream()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "audio", "codec_name": "pcm_s16le", "duration": "1.0000004", "bit_rate": "1411200" } ] }
            """));

        Assert.Equal(1.0, metadata["duration"]!.GetValue<double>());
        Assert.Equal("1411", Text(metadata, "bitrate"));
        Assert.False(metadata.ContainsKey("container"));
    }

    [Fact]
    public void No_duration_anywhere_leaves_duration_out()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""{ "streams": [ { "codec_type": "audio", "codec_name": "mp3" } ] }"""));

        Assert.False(metadata.ContainsKey("duration"));
        Assert.False(metadata.ContainsKey("bitrate"));
    }

    [Fact]
    public void Zero_over_zero_frame_rate_is_ignored()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "video", "codec_name": "h264", "width": 64, "height": 48, "avg_frame_rate": "0/0", "r_frame_rate": "0/0" } ] }
            """));

        Assert.False(metadata.ContainsKey("frameRate"));
        Assert.Equal(64, metadata["width"]!.GetValue<int>());
    }

    [Fact]
    public void Zero_over_zero_average_frame_rate_falls_back_to_the_real_frame_rate()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "video", "codec_name": "h264", "avg_frame_rate": "0/0", "r_frame_rate": "30000/1001" } ] }
            """));

        Assert.Equal(29.97, metadata["frameRate"]!.GetValue<double>());
    }

    [Fact]
    public void Video_without_audio_has_no_audio_fields()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "video", "codec_name": "vp9", "width": 1920, "height": 1080, "avg_frame_rate": "24/1" } ] }
            """));

        Assert.Equal("vp9", Text(metadata, "codec"));
        Assert.False(metadata.ContainsKey("audioCodec"));
        Assert.False(metadata.ContainsKey("sampleRate"));
        Assert.False(metadata.ContainsKey("channels"));
    }

    [Fact]
    public void Tag_names_are_matched_ignoring_case_and_values_trimmed()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "audio", "codec_name": "flac" } ],
              "format": { "tags": { "TITLE": "  Loud Title  ", "ARTIST": "Someone", "ISRC": "GBAYE0000351", "ALBUM_ARTIST": "Various", "GENRE": " ", "comment": "ignored" } } }
            """));

        var tags = metadata["tags"]!.AsObject();
        Assert.Equal("Loud Title", Text(tags, "title"));
        Assert.Equal("Someone", Text(tags, "artist"));
        Assert.Equal("GBAYE0000351", Text(tags, "isrc"));
        Assert.Equal("Various", Text(tags, "albumArtist"));
        Assert.False(tags.ContainsKey("genre"));
        Assert.False(tags.ContainsKey("comment"));
    }

    [Fact]
    public void Audio_stream_tags_fill_in_what_the_format_does_not_have()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "audio", "codec_name": "vorbis", "tags": { "title": "Stream title", "artist": "Stream artist" } } ],
              "format": { "format_name": "ogg", "tags": { "title": "Format title" } } }
            """));

        var tags = metadata["tags"]!.AsObject();
        Assert.Equal("Format title", Text(tags, "title"));
        Assert.Equal("Stream artist", Text(tags, "artist"));
    }

    [Fact]
    public void No_known_tags_leaves_tags_out()
    {
        var metadata = FfprobeNormalizer.Normalize(Parse("""
            { "streams": [ { "codec_type": "audio", "codec_name": "mp3" } ], "format": { "tags": { "encoder": "Lavf" } } }
            """));

        Assert.False(metadata.ContainsKey("tags"));
    }

    private static FfprobeOutput Parse(string json) => JsonSerializer.Deserialize<FfprobeOutput>(json)!;

    private static string? Text(JsonObject node, string key) => node[key]?.GetValue<string>();
}
