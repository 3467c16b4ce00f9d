using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases.Readiness;

/// <summary>
/// The files the readiness tests upload, made once with ffmpeg (and libvips for the CMYK cover): each one a mistake
/// distributors refuse. Noise files use different seeds so no two are the same recording; the song and its trimmed
/// FLAC are.
/// </summary>
public sealed class ReadinessMedia
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ReadinessMedia? _made;

    private ReadinessMedia(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>24-bit, 96 kHz, mono WAV (35 s of pink noise).</summary>
    public string HiResMonoWav => Path.Combine(Folder, "hires-mono.wav");

    /// <summary>An MP3 (35 s of pink noise).</summary>
    public string Mp3 => Path.Combine(Folder, "bounce.mp3");

    /// <summary>A 16-bit stereo master driven 20 dB into full scale (35 s).</summary>
    public string ClippedWav => Path.Combine(Folder, "clipped.wav");

    /// <summary>1.5 s of silence, 15 s of noise, 20 s of silence (16-bit, 44.1 kHz, stereo).</summary>
    public string TrailingSilenceWav => Path.Combine(Folder, "trailing-silence.wav");

    /// <summary>40 s of a melody, 24-bit 44.1 kHz stereo.</summary>
    public string SongWav => Path.Combine(Folder, "song.wav");

    /// <summary>The same song without its first 3 s, as FLAC.</summary>
    public string TrimmedFlac => Path.Combine(Folder, "song-trimmed.flac");

    /// <summary>Square sRGB JPEG cover, 1400 px.</summary>
    public string Cover1400 => Path.Combine(Folder, "cover-1400.jpg");

    /// <summary>Square CMYK JPEG cover, 3000 px.</summary>
    public string CoverCmyk => Path.Combine(Folder, "cover-cmyk.jpg");

    /// <summary>sRGB JPEG cover 3000 × 2980 (0.7 % from square).</summary>
    public string CoverNonSquare => Path.Combine(Folder, "cover-3000x2980.jpg");

    public static async Task<ReadinessMedia> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _made ??= await MakeAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<ReadinessMedia> MakeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mediavault-readiness-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        // Made once for every test class of the run; gone with the test process.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var media = new ReadinessMedia(folder);
        const string Melody = "0.5*sin(2*PI*t*220*pow(2\\,mod(floor(t/0.4)*7\\,12)/12))+0.3*sin(2*PI*t*330*pow(2\\,mod(floor(t/0.6)*5\\,12)/12))";
        await FfmpegAsync(["-f", "lavfi", "-i", "anoisesrc=color=pink:seed=11:amplitude=0.3:sample_rate=96000:duration=35", "-c:a", "pcm_s24le", media.HiResMonoWav]);
        await FfmpegAsync(["-f", "lavfi", "-i", "anoisesrc=color=pink:seed=12:amplitude=0.3:sample_rate=44100:duration=35", "-ac", "2", "-b:a", "192k", media.Mp3]);
        await FfmpegAsync(["-f", "lavfi", "-i", "anoisesrc=color=pink:seed=13:amplitude=0.5:sample_rate=44100:duration=35", "-af", "volume=20dB", "-ac", "2", "-c:a", "pcm_s16le", media.ClippedWav]);
        await FfmpegAsync(["-f", "lavfi", "-i", "anoisesrc=color=pink:seed=14:amplitude=0.2:sample_rate=44100:duration=15", "-af", "adelay=1500:all=1,apad=pad_dur=20", "-ac", "2", "-c:a", "pcm_s16le", media.TrailingSilenceWav]);
        await FfmpegAsync(["-f", "lavfi", "-i", $"aevalsrc={Melody}|{Melody}:s=44100:d=40", "-c:a", "pcm_s24le", media.SongWav]);
        await FfmpegAsync(["-ss", "3", "-i", media.SongWav, "-c:a", "flac", media.TrimmedFlac]);
        await FfmpegAsync(["-f", "lavfi", "-i", "testsrc2=s=1400x1400", "-frames:v", "1", "-q:v", "3", media.Cover1400]);
        var rgb = Path.Combine(folder, "rgb-3000.jpg");
        await FfmpegAsync(["-f", "lavfi", "-i", "testsrc2=s=3000x3000", "-frames:v", "1", "-q:v", "3", rgb]);
        await TestProcesses.RunAsync("vips", "colourspace", rgb, media.CoverCmyk, "cmyk");
        await FfmpegAsync(["-f", "lavfi", "-i", "testsrc2=s=3000x2980", "-frames:v", "1", "-q:v", "3", media.CoverNonSquare]);
        return media;
    }

    /// <summary>Samples of a 16-bit PCM WAV at full scale (±32767, −32768), counted from its data chunk.</summary>
    public static long FullScaleSamples(string wav)
    {
        var bytes = File.ReadAllBytes(wav);
        var position = 12;
        while (System.Text.Encoding.ASCII.GetString(bytes, position, 4) != "data")
        {
            position += 8 + BitConverter.ToInt32(bytes, position + 4);
        }

        var size = BitConverter.ToInt32(bytes, position + 4);
        long count = 0;
        for (var i = position + 8; i + 1 < position + 8 + size; i += 2)
        {
            var sample = BitConverter.ToInt16(bytes, i);
            count += sample is >= 32767 or <= -32767 ? 1 : 0;
        }

        return count;
    }

    private static Task FfmpegAsync(string[] arguments) => TestProcesses.RunAsync("ffmpeg", ["-v", "error", "-y", .. arguments]);
}
