using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Ffprobe;

public sealed class FfprobeMetadataExtractorTests
{
    private readonly FfprobeMetadataExtractor _extractor = new(new ProcessRunner(), Options.Create(new FfprobeOptions()));

    [Fact]
    public async Task Real_mp3_gives_the_same_fields_as_the_captured_fixture()
    {
        var metadata = await _extractor.ExtractAsync(Samples.File("tone.mp3"), "audio/mpeg", CancellationToken.None);

        var expected = FfprobeNormalizer.Normalize(Samples.Probe("tone.mp3.ffprobe.json"));
        Assert.Equal(expected.Select(p => p.Key).Order(StringComparer.Ordinal), metadata.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.InRange(metadata["duration"]!.GetValue<double>(), 1.95, 2.1);
        Assert.Equal("128", metadata["bitrate"]!.GetValue<string>());
        Assert.Equal("44100", metadata["sampleRate"]!.GetValue<string>());
        Assert.Equal("2", metadata["channels"]!.GetValue<string>());
        Assert.Equal("mp3", metadata["codec"]!.GetValue<string>());
        Assert.Equal("Test Tone", metadata["tags"]!["title"]!.GetValue<string>());
        Assert.Equal("MediaVault", metadata["tags"]!["artist"]!.GetValue<string>());
        Assert.Equal("USRC17607839", metadata["tags"]!["isrc"]!.GetValue<string>());
    }

    [Fact]
    public async Task Real_mp4_gives_dimensions_and_codecs()
    {
        var metadata = await _extractor.ExtractAsync(Samples.File("clip.mp4"), "video/mp4", CancellationToken.None);

        Assert.Equal(160, metadata["width"]!.GetValue<int>());
        Assert.Equal(120, metadata["height"]!.GetValue<int>());
        Assert.Equal(25, metadata["frameRate"]!.GetValue<double>());
        Assert.Equal("h264", metadata["videoCodec"]!.GetValue<string>());
        Assert.Equal("aac", metadata["audioCodec"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("tone.wav", "audio/wav", "pcm_s16le", "22050", "353")]
    [InlineData("tone.flac", "audio/flac", "flac", "44100", "163")]
    public async Task Real_lossless_audio_gives_codec_sample_rate_and_container_bitrate(string file, string mimeType, string codec, string sampleRate, string bitrate)
    {
        var metadata = await _extractor.ExtractAsync(Samples.File(file), mimeType, CancellationToken.None);

        Assert.Equal(codec, metadata["codec"]!.GetValue<string>());
        Assert.Equal(sampleRate, metadata["sampleRate"]!.GetValue<string>());
        Assert.Equal("1", metadata["channels"]!.GetValue<string>());
        Assert.Equal(1.0, metadata["duration"]!.GetValue<double>());
        Assert.Equal(bitrate, metadata["bitrate"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text-named.mp3")]
    [InlineData("empty.mp3")]
    [InlineData("document.pdf")]
    public async Task Content_that_is_not_audio_or_video_is_unreadable(string file)
    {
        await Assert.ThrowsAsync<MediaUnreadableException>(() => _extractor.ExtractAsync(Samples.File(file), "audio/mpeg", CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_ffprobe_is_an_infrastructure_failure_not_unreadable_media()
    {
        var extractor = new FfprobeMetadataExtractor(new ProcessRunner(), Options.Create(new FfprobeOptions { FfprobePath = "/nonexistent/ffprobe" }));

        await Assert.ThrowsAsync<ProcessFailedException>(() => extractor.ExtractAsync(Samples.File("tone.mp3"), "audio/mpeg", CancellationToken.None));
    }

    [Theory]
    [InlineData("audio/mpeg", true)]
    [InlineData("audio/flac", true)]
    [InlineData("video/mp4", true)]
    [InlineData("image/png", false)]
    [InlineData("application/pdf", false)]
    public void CanHandle_audio_and_video(string mimeType, bool expected)
    {
        Assert.Equal(expected, _extractor.CanHandle(mimeType));
    }
}
