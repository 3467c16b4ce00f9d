using System.Text.Json.Nodes;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Analysis;

public sealed class VideoAnalysisTests : IDisposable
{
    private readonly GeneratedVideo _videos = new();
    private readonly FfprobeMetadataExtractor _probe = new(new ProcessRunner(), Options.Create(new FfprobeOptions()));
    private readonly VideoStructureExtractor _structure = new(new ProcessRunner(), Options.Create(new FfprobeOptions()));

    [Fact]
    public async Task Hevc_10_bit_gives_its_profile_chroma_bit_depth_and_progressive_scan()
    {
        var path = await _videos.MakeAsync("hevc.mp4", "testsrc2=s=640x360:r=50:d=0.2", "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", "-x265-params", "log-level=none");

        var metadata = await AnalyseAsync(path);

        Assert.Equal("hevc", metadata["videoCodec"]!.GetValue<string>());
        Assert.Equal("Main 10", metadata["videoProfile"]!.GetValue<string>());
        Assert.Equal("yuv420p10le", metadata["pixelFormat"]!.GetValue<string>());
        Assert.Equal("4:2:0", metadata["chromaSubsampling"]!.GetValue<string>());
        Assert.Equal(10, metadata["videoBitDepth"]!.GetValue<int>());
        Assert.Equal("progressive", metadata["scanType"]!.GetValue<string>());
        Assert.Equal(0, metadata["rotation"]!.GetValue<int>());
        Assert.Equal(1.7778, metadata["displayAspectRatio"]!.GetValue<double>());
    }

    [Fact]
    public async Task Interlaced_h264_is_interlaced_and_422_is_422()
    {
        var path = await _videos.MakeAsync("interlaced.mp4", "testsrc2=s=320x240:r=25:d=0.4", "-vf", "setfield=tff", "-flags", "+ilme+ildct", "-c:v", "libx264", "-pix_fmt", "yuv422p");

        var metadata = await AnalyseAsync(path);

        Assert.Equal("interlaced", metadata["scanType"]!.GetValue<string>());
        Assert.Equal("4:2:2", metadata["chromaSubsampling"]!.GetValue<string>());
        Assert.Equal("High 4:2:2", metadata["videoProfile"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("open-gop=1:keyint=15:min-keyint=15:bframes=3:scenecut=0", false)]
    [InlineData("keyint=15:min-keyint=15:bframes=3:scenecut=0", true)]
    public async Task Gop_closure_is_read_from_the_packet_order(string x264, bool closed)
    {
        var path = await _videos.MakeAsync("gop.mp4", "testsrc2=s=160x120:r=30:d=2", "-c:v", "libx264", "-x264-params", x264);

        var metadata = await _structure.ExtractAsync(path, "video/mp4", CancellationToken.None);

        Assert.Equal(closed, metadata["closedGop"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Faststart_is_whether_moov_comes_before_mdat(bool faststart)
    {
        string[] flags = faststart ? ["-movflags", "+faststart"] : [];
        var path = await _videos.MakeAsync("fs.mp4", "testsrc2=s=160x120:r=25:d=0.4", ["-c:v", "libx264", .. flags]);

        var metadata = await _structure.ExtractAsync(path, "video/mp4", CancellationToken.None);

        Assert.Equal(faststart, metadata["faststart"]!.GetValue<bool>());
    }

    [Fact]
    public void Box_walk_refuses_what_is_not_iso_media()
    {
        using var stream = new MemoryStream("RIFF\0\0\0\0WAVEfmt "u8.ToArray());

        Assert.Null(Mp4BoxOrder.MoovBeforeMdat(stream));
    }

    [Theory]
    [InlineData(-90.0, 90)]
    [InlineData(90.0, 270)]
    [InlineData(180.0, 180)]
    [InlineData(0.0, 0)]
    public void Display_matrix_rotation_becomes_clockwise_degrees(double matrix, int clockwise)
    {
        var stream = new FfprobeStream { SideData = [new FfprobeSideData { Type = "Display Matrix", Rotation = matrix }] };

        Assert.Equal(clockwise, VideoAnalysis.Rotation(stream));
    }

    [Fact]
    public void A_portrait_rotation_inverts_the_displayed_aspect_ratio()
    {
        var result = new JsonObject();
        var video = new FfprobeStream { Width = 1920, Height = 1080, SampleAspectRatio = "1:1", SideData = [new FfprobeSideData { Type = "Display Matrix", Rotation = -90 }] };

        VideoAnalysis.Add(result, video, audio: null);

        Assert.Equal(0.5625, result["displayAspectRatio"]!.GetValue<double>());
    }

    private async Task<JsonObject> AnalyseAsync(string path)
    {
        var metadata = await _probe.ExtractAsync(path, "video/mp4", CancellationToken.None);
        foreach (var (key, value) in await _structure.ExtractAsync(path, "video/mp4", CancellationToken.None))
        {
            metadata[key] = value?.DeepClone();
        }

        return metadata;
    }

    public void Dispose() => _videos.Dispose();
}
