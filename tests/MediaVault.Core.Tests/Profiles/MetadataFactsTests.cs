using MediaVault.Core.Media;
using MediaVault.Core.Profiles;

namespace MediaVault.Core.Tests.Profiles;

public sealed class MetadataFactsTests
{
    [Fact]
    public void A_portrait_phone_video_stored_landscape_with_a_rotation_is_checked_as_displayed()
    {
        var media = Media(MediaKind.Video, "video/quicktime", 150_000_000,
            """{"width":1920,"height":1080,"rotation":90,"displayAspectRatio":0.5625,"frameRate":29.97,"sampleRate":"48000","channels":"2","bitrate":"8000","videoCodec":"hevc","audioCodec":"aac","closedGop":true,"faststart":false,"duration":12.5}""");

        var facts = MetadataFacts.Of(media);

        Assert.Equal(1080, Number(facts, "width"));
        Assert.Equal(1920, Number(facts, "height"));
        Assert.Equal(0.5625, Number(facts, "aspectRatio"));
        Assert.Equal("mov", Text(facts, "container"));
        Assert.Equal(48000, Number(facts, "sampleRate"));
        Assert.Equal(2, Number(facts, "channels"));
        Assert.Equal(150, Number(facts, "fileSizeMegabytes"));
        Assert.Equal(12.5, Number(facts, "durationSeconds"));
        Assert.True(facts.TryGet("closedGop", out var gop) && gop.Flag);
        Assert.True(facts.TryGet("faststart", out var faststart) && !faststart.Flag);
        Assert.True(facts.TryGet("hasAudio", out var audio) && audio.Flag);
    }

    [Fact]
    public void An_image_has_format_size_and_shape_but_no_video_facts()
    {
        var facts = MetadataFacts.Of(Media(MediaKind.Image, "image/png", 421_597, """{"width":4000,"height":1000}"""));

        Assert.Equal("png", Text(facts, "container"));
        Assert.Equal(4, Number(facts, "aspectRatio"));
        Assert.Equal(4_000_000, Number(facts, "pixelCount"));
        Assert.False(facts.TryGet("frameRate", out _));
        Assert.False(facts.TryGet("hasAudio", out _));
    }

    [Fact]
    public void A_release_master_has_its_short_container_name_codec_losslessness_and_the_seed_strings_as_numbers()
    {
        var wav = MetadataFacts.Of(Media(MediaKind.Audio, "audio/wav", 52_000_000, """{"codec":"pcm_s24le","sampleRate":"96000","channels":"1","bitDepth":"24","integratedLoudness":-9.5,"encrypted":false}"""));
        var mp3 = MetadataFacts.Of(Media(MediaKind.Audio, "audio/mpeg", 4_000_000, """{"codec":"mp3","sampleRate":"44100"}"""));

        Assert.Equal(("wav", "pcm_s24le"), (Text(wav, "container"), Text(wav, "audioCodec")));
        Assert.Equal((96000, 1, 24, -9.5), (Number(wav, "sampleRate"), Number(wav, "channels"), Number(wav, "bitDepth"), Number(wav, "integratedLoudness")));
        Assert.True(wav.TryGet("lossless", out var lossless) && lossless.Flag);
        Assert.True(wav.TryGet("encrypted", out var encrypted) && encrypted.Kind == FactKind.Flag && !encrypted.Flag);
        Assert.Equal("mp3", Text(mp3, "container"));
        Assert.True(mp3.TryGet("lossless", out var lossy) && !lossy.Flag);
        Assert.Equal("audio", MetadataFacts.KindOf(Media(MediaKind.Audio, "audio/wav", 1, "{}")));
    }

    private static MediaItem Media(MediaKind kind, string mimeType, long size, string metadata) =>
        new() { Id = "m", Name = "n", Kind = kind, MimeType = mimeType, Size = size, MetadataJson = metadata };

    private static double Number(MediaFacts facts, string name) => facts.TryGet(name, out var value) ? value.Number : double.NaN;

    private static string? Text(MediaFacts facts, string name) => facts.TryGet(name, out var value) ? value.Text : null;
}
