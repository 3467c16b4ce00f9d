using MediaVault.Core.Media;
using MediaVault.Media.Ffmpeg;

namespace MediaVault.Media.Tests.Ffmpeg;

public sealed class MediaFormatsTests
{
    private static readonly string[] ManyFileDemuxers = ["hls", "concat", "image2", "image2pipe", "m3u8", "applehttp", "dash", "tee", "lavfi", "sdp", "rtsp", "ffmetadata", "rtp", "data", "bin", "tty", "mpjpeg"];

    public static TheoryData<string> AllowedAudioAndVideoTypes() =>
        new(new MediaOptions().AllowedMimeTypes.Where(t => t.StartsWith("audio/", StringComparison.Ordinal) || t.StartsWith("video/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(AllowedAudioAndVideoTypes))]
    public void Every_allowed_audio_and_video_type_has_a_pinned_demuxer(string mimeType)
    {
        var format = MediaFormats.ForMimeType(mimeType);

        Assert.NotNull(format);
        Assert.Equal(FfmpegInput.Demuxers[mimeType], format.Demuxer);
        Assert.Equal(mimeType.StartsWith("video/", StringComparison.Ordinal) ? MediaKind.Video : MediaKind.Audio, format.Kind);
    }

    [Theory]
    [InlineData("image/bmp", "bmp_pipe")]
    [InlineData("image/jxl", "jpegxl_pipe")]
    public void An_image_decoded_by_ffmpeg_has_a_pinned_demuxer_that_a_probe_never_maps_to(string mimeType, string demuxer)
    {
        var format = MediaFormats.ForMimeType(mimeType);

        Assert.Equal((demuxer, MediaKind.Image), (format?.Demuxer, format?.Kind));
        Assert.Equal(["-f", demuxer], FfmpegInput.Options(mimeType, "/nonexistent")[..2]);
        Assert.Null(MediaFormats.ForProbe(demuxer, MediaKind.Video, null));
        Assert.Null(MediaFormats.ForProbe(demuxer, MediaKind.Video, mimeType));
    }

    [Fact]
    public void No_demuxer_in_the_table_opens_other_files()
    {
        Assert.Empty(MediaFormats.Demuxers.Intersect(ManyFileDemuxers));
        Assert.Equal(MediaFormats.Demuxers.Order(StringComparer.Ordinal), FfmpegInput.AllowedDemuxers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_probe_of_each_type_maps_back_to_that_type_when_its_header_named_it()
    {
        foreach (var format in MediaFormats.All)
        {
            Assert.Equal(format, MediaFormats.ForProbe(format.Demuxer, format.Kind, format.MimeType));
        }
    }

    [Theory]
    [InlineData("matroska,webm", MediaKind.Audio, "video/webm", "audio/webm")]
    [InlineData("matroska,webm", MediaKind.Audio, "video/x-matroska", "audio/x-matroska")]
    [InlineData("matroska,webm", MediaKind.Video, "video/webm", "video/webm")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", MediaKind.Audio, "video/mp4", "audio/mp4")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", MediaKind.Audio, "video/3gpp", "audio/3gpp")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", MediaKind.Audio, null, "audio/mp4")]
    [InlineData("mov,mp4,m4a,3gp,3g2,mj2", MediaKind.Video, "audio/webm", "video/mp4")]
    [InlineData("ac3", MediaKind.Audio, null, "audio/ac3")]
    [InlineData("eac3", MediaKind.Audio, null, "audio/eac3")]
    [InlineData("mp3", MediaKind.Audio, null, "audio/mpeg")]
    [InlineData("mpeg", MediaKind.Video, null, "video/mpeg")]
    [InlineData("mpegts", MediaKind.Video, null, "video/mp2t")]
    public void A_probed_demuxer_and_kind_give_one_type(string formatName, MediaKind kind, string? hint, string mimeType)
    {
        Assert.Equal(mimeType, MediaFormats.ForProbe(formatName, kind, hint)?.MimeType);
    }

    [Theory]
    [InlineData("hls", MediaKind.Audio)]
    [InlineData("concat", MediaKind.Audio)]
    [InlineData("image2", MediaKind.Video)]
    [InlineData("png_pipe", MediaKind.Video)]
    [InlineData("w64", MediaKind.Audio)]
    [InlineData("mpeg", MediaKind.Audio)]
    [InlineData("au", MediaKind.Video)]
    public void A_demuxer_and_kind_the_table_lacks_give_no_type(string formatName, MediaKind kind)
    {
        Assert.Null(MediaFormats.ForProbe(formatName, kind, null));
    }
}
