using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MediaVault.Tests.Images;

/// <summary>
/// Images made at run time in a fresh temporary folder: stills carrying each EXIF orientation (ffmpeg draws them,
/// exiftool writes the tag, as a camera would), animated GIF and WebP (ffmpeg), and SVGs whose size a browser would
/// read from their width and height, units or viewBox. Shared by the media and the HTTP tests.
/// </summary>
public sealed class ImageCorpus : IDisposable
{
    /// <summary>Stored size of the oriented stills (landscape: a quarter turn shows them portrait).</summary>
    public const int StoredWidth = 120;

    /// <inheritdoc cref="StoredWidth"/>
    public const int StoredHeight = 80;

    /// <summary>Frames, frame delay (ms) and frame size of the animations.</summary>
    public const int Frames = 20;

    /// <inheritdoc cref="Frames"/>
    public const int FrameDelayMs = 100;

    /// <inheritdoc cref="Frames"/>
    public const int FrameWidth = 320;

    /// <inheritdoc cref="Frames"/>
    public const int FrameHeight = 240;

    private ImageCorpus(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>SVGs with the size librsvg gives them at 96 dpi (and so every browser).</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes, int Width, int Height)> Svgs { get; } =
    [
        ("plain.svg", Svg("width=\"40\" height=\"20\"", "<rect width=\"40\" height=\"20\" fill=\"#00ff00\"/>"), 40, 20),
        ("viewbox-only.svg", Svg("viewBox=\"0 0 300 150\"", "<circle cx=\"150\" cy=\"75\" r=\"70\" fill=\"#c00\"/>"), 300, 150),
        ("millimetres.svg", Svg("width=\"50.8mm\" height=\"25.4mm\" viewBox=\"0 0 2 1\"", "<rect width=\"2\" height=\"1\" fill=\"#00f\"/>"), 192, 96),
        ("wallpaper.svg", Svg("width=\"100000\" height=\"50000\" viewBox=\"0 0 1000 500\"",
            "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#123\"/><stop offset=\"1\" stop-color=\"#f80\"/></linearGradient></defs>"
            + "<rect width=\"1000\" height=\"500\" fill=\"url(#g)\"/><circle cx=\"500\" cy=\"250\" r=\"200\" fill=\"#fff\" opacity=\".5\"/>"), 100000, 50000),
    ];

    public static ImageCorpus Create() => new(System.IO.Directory.CreateTempSubdirectory("mv-images-").FullName);

    /// <summary>A <see cref="StoredWidth"/>×<see cref="StoredHeight"/> still (jpg, png, webp or tiff) whose EXIF says <paramref name="orientation"/>.</summary>
    public async Task<string> OrientedAsync(string extension, int orientation)
    {
        var path = Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"orientation-{orientation}.{extension}"));
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc2=size={StoredWidth}x{StoredHeight}:duration=1:rate=1",
            "-frames:v", "1", "-update", "1", path);
        await RunAsync("exiftool", "-q", "-overwrite_original", "-n", $"-Orientation={orientation}", path);
        return path;
    }

    /// <summary>A two-second animation (gif or webp) of <see cref="Frames"/> frames of <see cref="FrameDelayMs"/> ms, looping.</summary>
    public async Task<string> AnimatedAsync(string extension)
    {
        var path = Path.Combine(Directory, "animated." + extension);
        var codec = extension == "webp" ? new[] { "-c:v", "libwebp", "-loop", "0" } : ["-loop", "0"];
        await RunAsync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={FrameWidth}x{FrameHeight}:rate=10", "-t", "2", .. codec, path]);
        return path;
    }

    /// <summary>A single-frame GIF of the animations' frame size.</summary>
    public async Task<string> StillGifAsync()
    {
        var path = Path.Combine(Directory, "still.gif");
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={FrameWidth}x{FrameHeight}:rate=1", "-frames:v", "1", path);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static byte[] Svg(string size, string body) =>
        Encoding.UTF8.GetBytes($"<svg xmlns=\"http://www.w3.org/2000/svg\" {size}>{body}</svg>");

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} could not make a test image: {errors}");
        }
    }
}
