using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Pdf;
using MediaVault.Media.Processes;
using MediaVault.Media.Vips;
using MediaVault.Media.Waveform;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Ffmpeg;

/// <summary>The real samples still probe and render with the demuxer pinned and the tools jailed, in both sandbox modes.</summary>
public sealed class ConfinedRenditionTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("mediavault-renditions-").FullName;
    private readonly IOptions<ProcessingOptions> _processing = Options.Create(new ProcessingOptions());

    public void Dispose() => Directory.Delete(_work, recursive: true);

    // Durations as an unpinned ffprobe reports them.
    private static readonly Dictionary<string, double> Durations = new(StringComparer.Ordinal)
    {
        ["tone.mp3"] = 2.037551, ["tone.flac"] = 1.0, ["tone.wav"] = 1.0, ["tone.ogg"] = 1.5, ["tone.m4a"] = 1.5, ["tone.aac"] = 1.044938, ["cover.mp3"] = 1.044898,
    };

    public static TheoryData<string, string, ToolSandbox> Audio() => Cross(
        ("tone.mp3", "audio/mpeg"), ("tone.flac", "audio/flac"), ("tone.wav", "audio/wav"), ("tone.ogg", "audio/ogg"),
        ("tone.m4a", "audio/mp4"), ("tone.aac", "audio/aac"), ("cover.mp3", "audio/mpeg"));

    public static TheoryData<string, string, ToolSandbox> Video() => Cross(("clip.mp4", "video/mp4"), ("clip.webm", "video/webm"));

    [Theory]
    [MemberData(nameof(Audio))]
    public async Task Audio_is_probed_and_gets_its_waveform_and_cover(string sample, string mimeType, ToolSandbox sandbox)
    {
        var runner = Runner(sandbox);
        var ffmpeg = new FfmpegRunner(runner, Options.Create(new FfmpegOptions()));
        var metadata = await new FfprobeMetadataExtractor(runner, Options.Create(new FfprobeOptions())).ExtractAsync(Samples.File(sample), mimeType, CancellationToken.None);
        var source = new RenditionSource(Samples.File(sample), mimeType, metadata);

        var waveform = await new WaveformGenerator(ffmpeg, _processing).GenerateAsync(source, _work, CancellationToken.None);
        var cover = await new CoverArtGenerator(ffmpeg, new VipsThumbnailer(_processing), _processing).GenerateAsync(source, _work, CancellationToken.None);

        Assert.Equal(Durations[sample], metadata["duration"]!.GetValue<double>(), 0.001);
        Assert.True(new FileInfo(Assert.Single(waveform).LocalPath).Length > 1000);
        Assert.Equal(sample == "cover.mp3", cover.Any(f => f.Name == CoverArtGenerator.CoverName && File.Exists(f.LocalPath)));
    }

    [Theory]
    [MemberData(nameof(Audio))]
    public async Task The_waveform_is_the_peaks_of_an_unbuffered_ffmpeg_decode_of_the_same_file(string sample, string mimeType, ToolSandbox sandbox)
    {
        var ffmpeg = new FfmpegRunner(Runner(sandbox), Options.Create(new FfmpegOptions()));
        var made = await new WaveformGenerator(ffmpeg, _processing).GenerateAsync(new RenditionSource(Samples.File(sample), mimeType, []), _work, CancellationToken.None);

        // What the job ran before its pipe output was buffered: ffmpeg's default, a write per decoded packet.
        var expected = new WaveformPeaks();
        var pcm = new MemoryStream();
        var run = await new ProcessRunner().RunAsync(
            "ffmpeg", ["-nostdin", "-v", "error", .. FfmpegInput.Options(mimeType, Samples.File(sample)), "-i", Samples.File(sample), "-map", "0:a:0", "-ac", "1", "-ar", "8000", "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"],
            TimeSpan.FromSeconds(60), (stdout, ct) => stdout.CopyToAsync(pcm, ct), CancellationToken.None);
        Assert.Equal(0, run.ExitCode);
        expected.Add(MemoryMarshal.Cast<byte, short>(pcm.ToArray().AsSpan(0, (int)pcm.Length & ~1)));
        var (data, samplesPerPoint) = expected.Reduce(_processing.Value.WaveformPoints);

        var document = JsonNode.Parse(await File.ReadAllTextAsync(Assert.Single(made).LocalPath))!;
        Assert.NotEmpty(data);
        Assert.Equal(data.Select(v => (int)v), document["data"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Equal(samplesPerPoint, document["samples_per_pixel"]!.GetValue<int>());
    }

    [Theory]
    [MemberData(nameof(Video))]
    public async Task Video_is_probed_and_gets_its_poster_frame(string sample, string mimeType, ToolSandbox sandbox)
    {
        var runner = Runner(sandbox);
        var metadata = await new FfprobeMetadataExtractor(runner, Options.Create(new FfprobeOptions())).ExtractAsync(Samples.File(sample), mimeType, CancellationToken.None);
        var ffmpeg = new FfmpegRunner(runner, Options.Create(new FfmpegOptions()));

        var files = await new PosterFrameGenerator(ffmpeg, new VipsThumbnailer(_processing), _processing)
            .GenerateAsync(new RenditionSource(Samples.File(sample), mimeType, metadata), _work, CancellationToken.None);

        var poster = files.Single(f => f.Name == PosterFrameGenerator.PosterName);
        Assert.Equal((160, 120), (poster.Width, poster.Height));
        Assert.True(File.Exists(poster.LocalPath));
    }

    [Theory]
    [InlineData(ToolSandbox.None)]
    [InlineData(ToolSandbox.Bubblewrap)]
    public async Task A_pdf_gets_its_page_count_and_first_page_thumbnails(ToolSandbox sandbox)
    {
        var runner = Runner(sandbox);
        var tools = Options.Create(new FfprobeOptions());
        var pdf = Samples.File("document-3pages.pdf");

        var metadata = await new PdfInfoMetadataExtractor(runner, tools).ExtractAsync(pdf, "application/pdf", CancellationToken.None);
        var files = await new PdfPreviewGenerator(runner, new VipsThumbnailer(_processing), tools, _processing)
            .GenerateAsync(new RenditionSource(pdf, "application/pdf", metadata), _work, CancellationToken.None);

        Assert.Equal(3, metadata["pageCount"]!.GetValue<int>());
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(File.Exists(f.LocalPath)));
    }

    private static ProcessRunner Runner(ToolSandbox sandbox) => new(Options.Create(new SandboxOptions { Sandbox = sandbox }));

    private static TheoryData<string, string, ToolSandbox> Cross(params (string Sample, string MimeType)[] samples)
    {
        var data = new TheoryData<string, string, ToolSandbox>();
        foreach (var (sample, mimeType) in samples)
        {
            data.Add(sample, mimeType, ToolSandbox.None);
            data.Add(sample, mimeType, ToolSandbox.Bubblewrap);
        }

        return data;
    }
}
