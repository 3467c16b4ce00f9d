using System.Text.Json.Nodes;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Processes;
using MediaVault.Media.Vips;
using Microsoft.Extensions.Options;

namespace MediaVault.Media.Tests.Ffmpeg;

/// <summary>
/// A video whose demuxer cannot seek (the corpus's Matroska file with one key frame and no cues: ffmpeg reports "could
/// not seek" and writes nothing, even for <c>-ss 0</c>) still gets its poster: the fallback reads the first frame without
/// seeking. The stand-in ffmpeg behaves like that file: any <c>-ss</c> writes nothing, otherwise the real ffmpeg runs.
/// </summary>
public sealed class PosterFrameFallbackTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mediavault-noseek-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_video_that_cannot_seek_gets_its_first_frame_as_poster()
    {
        var tool = Path.Combine(_folder, "ffmpeg");
        var log = Path.Combine(_folder, "calls.log");
        await File.WriteAllTextAsync(tool, $"#!/bin/sh\necho \"$*\" >> '{log}'\nfor a in \"$@\"; do [ \"$a\" = -ss ] && exit 0; done\nexec ffmpeg \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var runner = new ProcessRunner(Options.Create(new SandboxOptions { Sandbox = ToolSandbox.None }));
        var processing = Options.Create(new ProcessingOptions());
        var generator = new PosterFrameGenerator(new FfmpegRunner(runner, Options.Create(new FfmpegOptions { FfmpegPath = tool })), new VipsThumbnailer(processing), processing);
        var work = Directory.CreateDirectory(Path.Combine(_folder, "work")).FullName;
        var source = new RenditionSource(Samples.File("clip.mp4"), "video/mp4", new JsonObject { ["videoCodec"] = "h264", ["duration"] = 1.0 });

        var files = await generator.GenerateAsync(source, work, CancellationToken.None);

        Assert.Contains(files, f => f.Name == PosterFrameGenerator.PosterName && f.Width > 0 && f.Height > 0);
        var calls = await File.ReadAllLinesAsync(log);
        Assert.Equal(2, calls.Length);
        Assert.Contains("-ss 0.1 ", calls[0], StringComparison.Ordinal);
        Assert.DoesNotContain("-ss", calls[1], StringComparison.Ordinal);
    }
}
