using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MediaVault.Tests.Formats;

/// <summary>One file of a format the media tools read, made at run time, and what MediaVault must make of it.</summary>
/// <param name="SampleRate">Expected <c>sampleRate</c>; null for video without audio, which must have none.</param>
/// <param name="BitDepth">Expected <c>bitDepth</c>; null for lossy codecs, which must have none.</param>
public sealed record FormatSample(
    string Name, string Kind, string MimeType, string Codec, string? SampleRate, string? Channels, string? BitDepth, string[] Arguments)
{
    public byte[] Bytes { get; set; } = [];

    /// <summary>The duration ffprobe itself reports for the file, in seconds.</summary>
    public double ProbedDuration { get; set; }

    public override string ToString() => Name;
}

/// <summary>
/// A file of each audio and video format the media tools read beyond the checked-in samples, made with this machine's
/// ffmpeg (AMR by hand: ffmpeg has no AMR encoder here). Made once per process: every test sees the same bytes.
/// </summary>
public static class FormatCorpus
{
    private const string Tone = "sine=frequency=440:duration=2:sample_rate=44100";
    private const string Picture = "testsrc=duration=2:size=160x120:rate=25";
    private static readonly Lazy<Task<IReadOnlyList<FormatSample>>> Made = new(MakeAsync);

    public static IReadOnlyList<FormatSample> Samples { get; } =
    [
        Audio("tone.au", "audio/basic", "pcm_s16be", "16", "-f", "au"),
        Audio("tone.caf", "audio/x-caf", "pcm_s24le", "24", "-c:a", "pcm_s24le", "-f", "caf"),
        Audio("tone.wv", "audio/x-wavpack", "wavpack", "16", "-c:a", "wavpack", "-f", "wv"),
        Audio("tone.aiff", "audio/aiff", "pcm_s24be", "24", "-c:a", "pcm_s24be", "-f", "aiff"),
        Audio("tone.aifc", "audio/aiff", "pcm_f32be", "32", "-c:a", "pcm_f32be", "-f", "aiff"),
        Audio("opus.webm", "audio/webm", "opus", null, "-c:a", "libopus", "-f", "webm") with { SampleRate = "48000" },
        Audio("flac.mka", "audio/x-matroska", "flac", "16", "-c:a", "flac", "-f", "matroska"),
        Audio("tone.opus", "audio/ogg", "opus", null, "-c:a", "libopus", "-f", "ogg") with { SampleRate = "48000" },
        Audio("vorbis.ogg", "audio/ogg", "vorbis", null, "-c:a", "libvorbis", "-f", "ogg"),
        Audio("flac.oga", "audio/ogg", "flac", "16", "-c:a", "flac", "-f", "ogg"),
        Audio("tone.ac3", "audio/ac3", "ac3", null, "-c:a", "ac3", "-f", "ac3"),
        Audio("tone.eac3", "audio/eac3", "eac3", null, "-c:a", "eac3", "-f", "eac3"),
        Audio("tone.m4a", "audio/mp4", "aac", null, "-c:a", "aac", "-f", "ipod"),
        Audio("alac.m4a", "audio/mp4", "alac", "16", "-c:a", "alac", "-f", "ipod"),
        Audio("audio-only.mp4", "audio/mp4", "aac", null, "-c:a", "aac", "-f", "mp4"),
        Audio("audio-only.3gp", "audio/3gpp", "aac", null, "-c:a", "aac", "-f", "3gp"),
        Audio("audio-only.mov", "audio/quicktime", "aac", null, "-c:a", "aac", "-f", "mov"),
        new("tone.amr", "audio", "audio/amr", "amr_nb", "8000", "1", null, []),
        Video("program.mpg", "video/mpeg", "mpeg1video", "-c:v", "mpeg1video", "-c:a", "mp2", "-f", "mpeg"),
        Video("dvd.vob", "video/mpeg", "mpeg2video", "-c:v", "mpeg2video", "-c:a", "ac3", "-ar", "48000", "-f", "vob") with { SampleRate = "48000" },
        Video("transport.ts", "video/mp2t", "mpeg2video", "-c:v", "mpeg2video", "-c:a", "mp2", "-f", "mpegts"),
        Video("clip.3gp", "video/3gpp", "h263", "-c:v", "h263", "-s", "176x144", "-c:a", "aac", "-f", "3gp"),
        Video("clip.3g2", "video/3gpp2", "mpeg4", "-c:v", "mpeg4", "-c:a", "aac", "-f", "3g2"),
        Video("clip.avi", "video/x-msvideo", "mpeg4", "-c:v", "mpeg4", "-c:a", "libmp3lame", "-f", "avi"),
        Video("odd-brand.mp4", "video/mp4", "mpeg4", "-c:v", "mpeg4", "-c:a", "aac", "-brand", "iso6", "-f", "mp4"),
        Video("clip.flv", "video/x-flv", "flv1", "-c:v", "flv", "-c:a", "libmp3lame", "-f", "flv"),
        // An MPEG-1 video elementary stream (a sequence header first, no pack header): read by the mpegvideo demuxer.
        new("elementary.m1v", "video", "video/mpeg", "mpeg1video", null, null, null, ["-f", "lavfi", "-i", Picture, "-c:v", "mpeg1video", "-f", "mpeg1video"]),
        // MPEG-4 Part 2 and 5.1 AAC in Matroska, like the corpus file whose poster frame needed the no-seek fallback.
        Video("mpeg4-aac51.mkv", "video/x-matroska", "mpeg4", "-c:v", "mpeg4", "-c:a", "aac", "-ac", "6", "-f", "matroska") with { Channels = "6" },
        Video("opus-vp8.webm", "video/webm", "vp8", "-c:v", "libvpx", "-b:v", "200k", "-c:a", "libopus", "-f", "webm") with { SampleRate = "48000" },
    ];

    /// <summary>Every sample with its bytes and ffprobe's duration.</summary>
    public static Task<IReadOnlyList<FormatSample>> AllAsync() => Made.Value;

    private static FormatSample Audio(string name, string mimeType, string codec, string? bitDepth, params string[] output) =>
        new(name, "audio", mimeType, codec, "44100", "1", bitDepth, ["-f", "lavfi", "-i", Tone, .. output]);

    private static FormatSample Video(string name, string mimeType, string codec, params string[] output) =>
        new(name, "video", mimeType, codec, "44100", "1", null, ["-f", "lavfi", "-i", Picture, "-f", "lavfi", "-i", Tone, .. output]);

    private static async Task<IReadOnlyList<FormatSample>> MakeAsync()
    {
        var folder = Directory.CreateTempSubdirectory("mediavault-formats-").FullName;
        try
        {
            foreach (var sample in Samples)
            {
                var path = Path.Combine(folder, sample.Name);
                if (sample.Arguments.Length == 0)
                {
                    // AMR-NB 12.2 kbit/s: 100 silent 20 ms frames behind the magic.
                    await File.WriteAllBytesAsync(path, [.. "#!AMR\n"u8, .. Enumerable.Range(0, 100).SelectMany(_ => (byte[])[0x3C, .. new byte[31]])]);
                }
                else
                {
                    await RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", .. sample.Arguments, path]);
                }

                sample.Bytes = await File.ReadAllBytesAsync(path);
                var probed = await RunAsync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "json", path]);
                using var json = JsonDocument.Parse(probed);
                sample.ProbedDuration = double.Parse(json.RootElement.GetProperty("format").GetProperty("duration").GetString()!, CultureInfo.InvariantCulture);
            }

            return Samples;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> RunAsync(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed for a format sample: {await error}");
        }

        return await output;
    }
}
