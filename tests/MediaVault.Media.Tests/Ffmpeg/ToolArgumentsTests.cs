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

/// <summary>
/// Every component that runs a tool on an original, run against a stand-in tool that records how it was called: the
/// arguments carry the pinned demuxer and the file-only protocol, name the jail's input (never the original's path),
/// and the working directory holds only the input and the output folder.
/// </summary>
public sealed class ToolArgumentsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mediavault-recorder-").FullName;
    private readonly string _tool;
    private readonly string _log;

    public ToolArgumentsTests()
    {
        _log = Path.Combine(_folder, "calls.log");
        _tool = Path.Combine(_folder, "tool");
        File.WriteAllText(_tool, $"#!/bin/sh\n{{ for a in \"$@\"; do echo \"arg=$a\"; done; for f in *; do echo \"file=$f\"; done; echo end; }} >> '{_log}'\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string, string> Originals() => new()
    {
        { "tone.mp3", "audio/mpeg", "mp3" },
        { "tone.flac", "audio/flac", "flac" },
        { "tone.m4a", "audio/mp4", "mov" },
        { "clip.mp4", "video/mp4", "mov" },
        { "clip.webm", "video/webm", "matroska" },
        { "tone.ogg", "audio/ogg", "ogg" },
        { "tone.wav", "audio/wav", "wav" },
        { "tone.aac", "audio/aac", "aac" },
    };

    [Theory]
    [MemberData(nameof(Originals))]
    public async Task Ffprobe_and_every_ffmpeg_rendition_run_pinned_whitelisted_and_jailed(string sample, string mimeType, string demuxer)
    {
        var runner = new ProcessRunner(Options.Create(new SandboxOptions { Sandbox = ToolSandbox.None }));
        var ffmpeg = new FfmpegRunner(runner, Options.Create(new FfmpegOptions { FfmpegPath = _tool }));
        var processing = Options.Create(new ProcessingOptions());
        var vips = new VipsThumbnailer(processing);
        var source = new RenditionSource(Samples.File(sample), mimeType, new JsonObject { ["hasCoverArt"] = true, ["videoCodec"] = "h264" });
        var extractor = new FfprobeMetadataExtractor(runner, Options.Create(new FfprobeOptions { FfprobePath = _tool }));

        await Assert.ThrowsAsync<MediaUnreadableException>(() => extractor.ExtractAsync(source.Path, mimeType, CancellationToken.None));
        IRenditionGenerator[] generators = [new WaveformGenerator(ffmpeg, processing), new CoverArtGenerator(ffmpeg, vips, processing), new PosterFrameGenerator(ffmpeg, vips, processing)];
        foreach (var generator in generators)
        {
            await Assert.ThrowsAsync<MediaUnreadableException>(() => generator.GenerateAsync(source, _folder, CancellationToken.None));
        }

        var calls = Calls();
        Assert.Equal(4, calls.Count);
        foreach (var (arguments, files) in calls)
        {
            var input = arguments.IndexOf("-i");
            Assert.True(input > 0);
            Assert.Equal("file:input", arguments[input + 1]);
            Assert.Equal(demuxer, arguments[arguments.IndexOf("-f") + 1]);
            Assert.True(arguments.IndexOf("-f") < input);
            var whitelist = arguments.IndexOf("-protocol_whitelist");
            Assert.InRange(whitelist, 0, input);
            Assert.Equal("file", arguments[whitelist + 1]);
            Assert.DoesNotContain(arguments, a => a.Contains(source.Path, StringComparison.Ordinal) || a.Contains(_folder, StringComparison.Ordinal));
            Assert.Equal(["input", "out"], files);
        }

        // The waveform writes to stdout, buffered, with only the pipe protocol on that side; the others into the jail's output folder.
        Assert.Equal(["-flush_packets", "0", "-protocol_whitelist", "pipe", "pipe:1"], calls[1].Arguments[^5..]);
        Assert.Equal(["-protocol_whitelist", "file", "file:out/cover.jpg"], calls[2].Arguments[^3..]);
        Assert.Equal(["-protocol_whitelist", "file", "file:out/poster.jpg"], calls[3].Arguments[^3..]);
    }

    [Fact]
    public async Task Pdfinfo_and_pdftoppm_read_only_the_jails_input_and_write_only_its_output_folder()
    {
        var runner = new ProcessRunner(Options.Create(new SandboxOptions { Sandbox = ToolSandbox.None }));
        var tools = Options.Create(new FfprobeOptions { PdfinfoPath = _tool, PdftoppmPath = _tool });
        var processing = Options.Create(new ProcessingOptions());
        var pdf = Samples.File("document.pdf");

        await Assert.ThrowsAsync<MediaUnreadableException>(() => new PdfInfoMetadataExtractor(runner, tools).ExtractAsync(pdf, "application/pdf", CancellationToken.None));
        await Assert.ThrowsAsync<MediaUnreadableException>(() => new PdfPreviewGenerator(runner, new VipsThumbnailer(processing), tools, processing)
            .GenerateAsync(new RenditionSource(pdf, "application/pdf", []), _folder, CancellationToken.None));

        var calls = Calls();
        Assert.Equal(["--", "input"], calls[0].Arguments);
        Assert.Equal(["--", "input", "out/page-1"], calls[1].Arguments[^3..]);
        Assert.All(calls, call => Assert.Equal(["input", "out"], call.Files));
    }

    private List<(List<string> Arguments, List<string> Files)> Calls()
    {
        var calls = new List<(List<string>, List<string>)>();
        var arguments = new List<string>();
        var files = new List<string>();
        foreach (var line in File.ReadAllLines(_log))
        {
            if (line == "end")
            {
                calls.Add((arguments, files));
                arguments = [];
                files = [];
            }
            else if (line.StartsWith("arg=", StringComparison.Ordinal))
            {
                arguments.Add(line[4..]);
            }
            else
            {
                files.Add(line[5..]);
            }
        }

        return calls;
    }
}
