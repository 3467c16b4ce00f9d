using System.Text;
using System.Text.Json;
using MediaVault.Core.Media;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using MediaVault.Media.Sniffing;
using MediaVault.Tests.Formats;
using MediaVault.Tests.Hostile;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Sniffing;

/// <summary>The upload-time probe on real files: what the header cannot decide, ffprobe does, among the table's demuxers only.</summary>
public sealed class FfprobeContentProbeTests : IAsyncLifetime
{
    private static readonly string[] ManyFileDemuxers = ["hls", "concat", "image2", "image2pipe", "m3u8", "applehttp", "dash", "tee", "lavfi", "sdp", "rtsp", "ffmetadata"];
    private readonly SignatureSniffer _sniffer = new();
    private HostileCorpus _corpus = null!;
    private string _work = null!;

    public static TheoryData<string> SampleNames() => new(FormatCorpus.Samples.Select(s => s.Name));

    public async Task InitializeAsync()
    {
        _corpus = await HostileCorpus.CreateAsync();
        _work = Directory.CreateTempSubdirectory("mediavault-probe-").FullName;
    }

    public Task DisposeAsync()
    {
        _corpus.Dispose();
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Arguments_allow_only_the_table_demuxers_and_the_file_protocol_and_never_pin_one()
    {
        var arguments = FfprobeContentProbe.Arguments();

        var formats = arguments[arguments.IndexOf("-format_whitelist") + 1].Split(',');
        Assert.Equal(MediaFormats.Demuxers, formats);
        Assert.Empty(formats.Intersect(ManyFileDemuxers));
        Assert.Equal("file", arguments[arguments.IndexOf("-protocol_whitelist") + 1]);
        Assert.InRange(int.Parse(arguments[arguments.IndexOf("-probesize") + 1], System.Globalization.CultureInfo.InvariantCulture), 32, 10 * 1024 * 1024);
        Assert.DoesNotContain("-f", arguments);
        Assert.Equal(["-i", "file:input"], arguments[^2..]);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Each_format_is_recognised_as_its_type_from_its_header_or_by_the_probe(string name)
    {
        var sample = (await FormatCorpus.AllAsync()).Single(s => s.Name == name);
        var path = Stage(sample.Bytes);

        var result = await Probe(ToolSandbox.Bubblewrap).RecognizeAsync(path, _sniffer.Sniff(sample.Bytes.AsSpan(0, Math.Min(sample.Bytes.Length, _sniffer.HeaderLength))), CancellationToken.None);

        Assert.Equal((sample.Kind, sample.MimeType), (result?.Kind.ToString().ToLowerInvariant(), result?.MimeType));
        Assert.False(result!.NeedsStreams);
    }

    [Theory]
    [InlineData(ToolSandbox.None)]
    [InlineData(ToolSandbox.Bubblewrap)]
    public async Task Playlists_concat_scripts_text_and_images_are_not_recognised_and_nothing_is_connected_to(ToolSandbox sandbox)
    {
        var probe = Probe(sandbox);
        var others = new (string Name, byte[] Bytes)[]
        {
            ("text", Encoding.UTF8.GetBytes("Hello, this is a plain text file.\n")),
            ("json", Encoding.UTF8.GetBytes("{\"title\":\"not media\"}")),
            ("png", await File.ReadAllBytesAsync(_corpus.CanaryImage)),
        };

        foreach (var (name, bytes) in _corpus.Audio.Concat(_corpus.Undisguised).Concat(others))
        {
            Assert.True(await probe.RecognizeAsync(Stage(bytes), null, CancellationToken.None) is null, $"{name} was recognised");
        }

        Assert.Equal(0, _corpus.Connections);
    }

    [Fact]
    public async Task Content_whose_header_decides_is_not_probed()
    {
        var sniffed = new SniffResult(MediaKind.Audio, "audio/mpeg");

        // No such file: a probe would find nothing and return null.
        var result = await Probe(ToolSandbox.Bubblewrap).RecognizeAsync(Path.Combine(_work, "missing"), sniffed, CancellationToken.None);

        Assert.Same(sniffed, result);
    }

    [Fact]
    public async Task A_container_the_probe_cannot_read_keeps_its_header_type_for_processing_to_judge()
    {
        var header = new SniffResult(MediaKind.Video, "video/mp4", NeedsStreams: true);

        var result = await Probe(ToolSandbox.Bubblewrap).RecognizeAsync(Stage([0, 0, 0, 0x18, .. "ftypisom"u8, .. new byte[64]]), header, CancellationToken.None);

        Assert.Equal(new SniffResult(MediaKind.Video, "video/mp4"), result);
    }

    [Fact]
    public void A_cover_picture_alone_does_not_make_a_file_video()
    {
        var probe = JsonSerializer.Deserialize<FfprobeOutput>("""
            {"streams":[{"codec_type":"audio"},{"codec_type":"video","disposition":{"attached_pic":1}}],"format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2"}}
            """)!;

        Assert.Equal(new SniffResult(MediaKind.Audio, "audio/mp4"), FfprobeContentProbe.Classify(probe, "video/mp4"));
    }

    [Fact]
    public void A_probe_without_streams_or_with_an_unlisted_demuxer_recognises_nothing()
    {
        Assert.Null(FfprobeContentProbe.Classify(JsonSerializer.Deserialize<FfprobeOutput>("""{"streams":[],"format":{"format_name":"mp3"}}""")!, null));
        Assert.Null(FfprobeContentProbe.Classify(JsonSerializer.Deserialize<FfprobeOutput>("""{"streams":[{"codec_type":"audio"}],"format":{"format_name":"hls"}}""")!, null));
    }

    private static FfprobeContentProbe Probe(ToolSandbox sandbox) =>
        new(new ProcessRunner(Options.Create(new SandboxOptions { Sandbox = sandbox })), Options.Create(new FfprobeOptions()), NullLogger<FfprobeContentProbe>.Instance);

    private string Stage(byte[] bytes)
    {
        var path = Path.Combine(_work, Guid.NewGuid().ToString("N") + ".part");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
