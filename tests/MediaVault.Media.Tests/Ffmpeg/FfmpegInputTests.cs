using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;

namespace MediaVault.Media.Tests.Ffmpeg;

public sealed class FfmpegInputTests
{
    private static readonly string[] ManyFileDemuxers = ["hls", "concat", "image2", "image2pipe", "m3u8", "applehttp", "dash", "tee", "lavfi", "sdp", "rtsp", "ffmetadata"];

    public static TheoryData<string> MappedTypes() => new(FfmpegInput.Demuxers.Keys);

    [Theory]
    [MemberData(nameof(MappedTypes))]
    public void Every_mapped_type_pins_one_single_file_demuxer_and_the_file_protocol_before_the_input(string mimeType)
    {
        var arguments = FfmpegInput.Arguments(mimeType, Samples.File("tone.wav"));

        Assert.Equal("-f", arguments[0]);
        Assert.Equal(FfmpegInput.Demuxers[mimeType], arguments[1]);
        Assert.DoesNotContain(arguments[1], ManyFileDemuxers);
        var whitelist = arguments.IndexOf("-protocol_whitelist");
        Assert.Equal("file", arguments[whitelist + 1]);
        Assert.Equal(["-i", "file:input"], arguments[^2..]);
        Assert.Equal(arguments[1] == "mov", arguments.Contains("-enable_drefs"));
        if (arguments[1] == "mov")
        {
            Assert.Equal("0", arguments[arguments.IndexOf("-enable_drefs") + 1]);
        }
    }

    [Theory]
    [InlineData("application/vnd.apple.mpegurl")]
    [InlineData("audio/x-mpegurl")]
    [InlineData("text/plain")]
    [InlineData("image/png")]
    [InlineData("application/pdf")]
    [InlineData("audio/x-unknown")]
    public void A_type_without_a_mapping_is_refused(string mimeType)
    {
        Assert.Throws<MediaUnreadableException>(() => FfmpegInput.Arguments(mimeType, Samples.File("tone.wav")));
    }

    [Fact]
    public void Flac_behind_a_large_id3_tag_is_read_by_the_flac_demuxer_and_a_playlist_behind_one_by_mp3()
    {
        using var folder = new TempFolder();
        var tagSize = 20_000;
        byte[] tag = [.. "ID3\x04\0\0"u8, (byte)((tagSize >> 21) & 0x7F), (byte)((tagSize >> 14) & 0x7F), (byte)((tagSize >> 7) & 0x7F), (byte)(tagSize & 0x7F), .. new byte[tagSize]];
        var flac = folder.Write("flac", [.. tag, .. File.ReadAllBytes(Samples.File("tone.flac"))]);
        var aac = folder.Write("aac", [.. tag, .. File.ReadAllBytes(Samples.File("tone.aac"))]);
        var playlist = folder.Write("playlist", [.. "ID3\x04\0\0\0\0\0\0#EXTM3U\n#EXT-X-TARGETDURATION:10\n"u8]);

        Assert.Equal("flac", FfmpegInput.Arguments("audio/mpeg", flac)[1]);
        Assert.Equal("aac", FfmpegInput.Arguments("audio/mpeg", aac)[1]);
        Assert.Equal("mp3", FfmpegInput.Arguments("audio/mpeg", playlist)[1]);
        Assert.Equal("mp3", FfmpegInput.Arguments("audio/mpeg", Samples.File("cover.mp3"))[1]);
    }

    [Fact]
    public void An_mpeg_video_elementary_stream_is_read_by_mpegvideo_and_a_program_stream_by_mpeg()
    {
        using var folder = new TempFolder();
        var elementary = folder.Write("es", [0x00, 0x00, 0x01, 0xB3, 0x14, 0x00, 0xF0, 0x15]);
        var program = folder.Write("ps", [0x00, 0x00, 0x01, 0xBA, 0x44, 0x00, 0x04, 0x00]);
        var playlist = folder.Write("playlist", [.. "#EXTM3U\n"u8]);

        Assert.Equal("mpegvideo", FfmpegInput.Arguments("video/mpeg", elementary)[1]);
        Assert.Equal("mpeg", FfmpegInput.Arguments("video/mpeg", program)[1]);
        Assert.Equal("mpeg", FfmpegInput.Arguments("video/mpeg", playlist)[1]);
        Assert.Contains("mpegvideo", FfmpegInput.AllowedDemuxers);
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("mediavault-id3-").FullName;

        public string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(_path, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
