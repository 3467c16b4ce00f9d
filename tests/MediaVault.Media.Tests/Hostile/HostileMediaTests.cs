using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using MediaVault.Media.Vips;
using MediaVault.Media.Waveform;
using MediaVault.Tests.Hostile;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Hostile;

/// <summary>
/// The hostile corpus against the real tools, with and without bubblewrap: the pinned demuxer and the file-only
/// protocol alone must already keep ffprobe and ffmpeg to the one file, and the SVG guard must keep libvips to it.
/// </summary>
public sealed class HostileMediaTests : IAsyncLifetime
{
    private HostileCorpus _corpus = null!;
    private string _work = null!;

    public async Task InitializeAsync()
    {
        _corpus = await HostileCorpus.CreateAsync();
        _work = Directory.CreateTempSubdirectory("mediavault-hostile-work-").FullName;
    }

    public Task DisposeAsync()
    {
        _corpus.Dispose();
        Directory.Delete(_work, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_corpus_is_live_an_unpinned_ffprobe_reads_the_canary_through_the_disguised_playlist()
    {
        var original = Stage(_corpus.Audio.Single(f => f.Name == "id3-hls-local.mp3").Bytes);

        var result = await new ProcessRunner().RunAsync("ffprobe", ["-v", "error", "-show_format", original], TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Contains("format_name=hls", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("duration=7.31", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ToolSandbox.None)]
    [InlineData(ToolSandbox.Bubblewrap)]
    public async Task Ffprobe_refuses_every_disguised_playlist_and_connects_nowhere(ToolSandbox sandbox)
    {
        var extractor = new FfprobeMetadataExtractor(Runner(sandbox), Options.Create(new FfprobeOptions()));

        foreach (var (name, bytes) in _corpus.Audio)
        {
            var original = Stage(bytes);
            var ex = await Assert.ThrowsAsync<MediaUnreadableException>(() => extractor.ExtractAsync(original, "audio/mpeg", CancellationToken.None));
            Assert.DoesNotContain(_corpus.Secret, ex.Message, StringComparison.Ordinal);
            Assert.False(ex.Message.Contains("7.31", StringComparison.Ordinal), name);
        }

        Assert.Equal(0, _corpus.Connections);
    }

    [Theory]
    [InlineData(ToolSandbox.None)]
    [InlineData(ToolSandbox.Bubblewrap)]
    public async Task Waveform_cover_art_and_poster_refuse_every_disguised_playlist_and_write_nothing(ToolSandbox sandbox)
    {
        var ffmpeg = new FfmpegRunner(Runner(sandbox), Options.Create(new FfmpegOptions()));
        var processing = Options.Create(new ProcessingOptions());
        var vips = new VipsThumbnailer(processing);
        var metadata = new JsonObject { ["hasCoverArt"] = true, ["videoCodec"] = "h264", ["duration"] = 7.31 };
        IRenditionGenerator[] audio = [new WaveformGenerator(ffmpeg, processing), new CoverArtGenerator(ffmpeg, vips, processing)];

        foreach (var (_, bytes) in _corpus.Audio)
        {
            var original = Stage(bytes);
            foreach (var generator in audio)
            {
                await Assert.ThrowsAsync<MediaUnreadableException>(
                    () => generator.GenerateAsync(new RenditionSource(original, "audio/mpeg", metadata), _work, CancellationToken.None));
            }

            await Assert.ThrowsAsync<MediaUnreadableException>(() => new PosterFrameGenerator(ffmpeg, vips, processing)
                .GenerateAsync(new RenditionSource(original, "video/mp4", metadata), _work, CancellationToken.None));
        }

        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_work), p => !p.EndsWith(".original", StringComparison.Ordinal));
        Assert.Equal(0, _corpus.Connections);
    }

    [Fact]
    public async Task Every_hostile_svg_is_refused_before_libvips_sees_it()
    {
        var vips = new VipsThumbnailer(Options.Create(new ProcessingOptions()));

        foreach (var (name, bytes) in _corpus.Svg)
        {
            var original = Stage(bytes);
            var inspect = await Assert.ThrowsAsync<MediaUnreadableException>(() => vips.InspectAsync(original, image => image.Width, CancellationToken.None));
            var thumbnails = await Assert.ThrowsAsync<MediaUnreadableException>(
                () => vips.WriteWebpSeriesAsync(original, [(64, Path.Combine(_work, "thumb.webp"))], CancellationToken.None));

            Assert.StartsWith("SVG is refused", inspect.Message, StringComparison.Ordinal);
            Assert.StartsWith("SVG is refused", thumbnails.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_work, "thumb.webp")), name);
        }

        Assert.Equal(0, _corpus.Connections);
    }

    [Fact]
    public async Task A_bubblewrapped_tool_cannot_reach_a_loopback_server_even_when_asked_to()
    {
        var runner = Runner(ToolSandbox.Bubblewrap);
        using var jail = await runner.OpenJailAsync(_corpus.CanaryText, CancellationToken.None);

        var result = await runner.RunAsync("ffprobe", ["-v", "error", "-i", _corpus.RemoteUrl("direct.mp3")], jail, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(0, _corpus.Connections);
    }

    private static ProcessRunner Runner(ToolSandbox sandbox) => new(Options.Create(new SandboxOptions { Sandbox = sandbox }));

    /// <summary>The upload as the store keeps it: a file named only by its id, beside nothing of interest.</summary>
    private string Stage(byte[] bytes)
    {
        var path = Path.Combine(_work, Guid.NewGuid().ToString("N") + ".original");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
