using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace MediaVault.Tests.Images;

/// <summary>
/// Images made at run time in a fresh temporary folder: stills carrying each EXIF orientation (ffmpeg draws them,
/// exiftool writes the tag, as a camera would), animated GIF and WebP (ffmpeg), and SVGs whose size a browser would
/// read from their width and height, units or viewBox; BMP, JPEG XL and an animated PNG (ffmpeg). Shared by the media
/// and the HTTP tests.
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

    /// <summary>Size of the BMP and JPEG XL stills.</summary>
    public const int StillWidth = 640;

    /// <inheritdoc cref="StillWidth"/>
    public const int StillHeight = 360;

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

    /// <summary>An SVG as Adobe Illustrator exports it: the SVG 1.1 DOCTYPE with an internal subset of namespace entities used in attributes.</summary>
    public static byte[] IllustratorSvg { get; } = Encoding.UTF8.GetBytes(
        """
        <?xml version="1.0" encoding="utf-8"?>
        <!-- Generator: Adobe Illustrator 22.1.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
        <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
        	<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
        	<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">
        	<!ENTITY ns_graphs 'http://ns.adobe.com/Graphs/1.0/'>
        	<!-- a comment inside the subset -->
        	<!ENTITY label "Größe">
        ]>
        <svg version="1.1" xmlns:x="&ns_extend;" xmlns:i="&ns_ai;" xmlns:graph="&ns_graphs;"
        	 xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px" viewBox="0 0 82 41"
        	 style="enable-background:new 0 0 82 41;" xml:space="preserve">
        <style type="text/css">.st0{fill:#E30613;}</style>
        <metadata><x:sfw><i:pgf id="adobe_illustrator_pgf">&label;</i:pgf></x:sfw></metadata>
        <rect class="st0" width="82" height="41"/>
        <text x="4" y="30">&label;</text>
        </svg>
        """);

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

    /// <summary>A <see cref="StillWidth"/>×<see cref="StillHeight"/> BMP (24-bit, or 32-bit with alpha).</summary>
    public async Task<string> BmpAsync(bool alpha = false)
    {
        var path = Path.Combine(Directory, alpha ? "alpha.bmp" : "still.bmp");
        await RunAsync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={StillWidth}x{StillHeight}:rate=1", "-frames:v", "1",
            .. (alpha ? new[] { "-pix_fmt", "bgra" } : ["-pix_fmt", "bgr24"]), path]);
        return path;
    }

    /// <summary>A <see cref="StillWidth"/>×<see cref="StillHeight"/> JPEG XL codestream (ffmpeg's libjxl, else cjxl from libjxl-tools).</summary>
    public async Task<string> JxlAsync()
    {
        var path = Path.Combine(Directory, "still.jxl");
        var png = Path.Combine(Directory, "for-jxl.png");
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", $"testsrc=size={StillWidth}x{StillHeight}:rate=1", "-frames:v", "1", "-update", "1", png);
        try
        {
            await RunAsync("ffmpeg", "-v", "error", "-y", "-i", png, "-c:v", "libjxl", path);
        }
        catch (InvalidOperationException)
        {
            await RunAsync("cjxl", "--quiet", png, path);
        }

        return path;
    }

    /// <summary>An animated PNG of <see cref="Frames"/> frames of <see cref="FrameDelayMs"/> ms, looping.</summary>
    public async Task<string> AnimatedPngAsync()
    {
        var path = Path.Combine(Directory, "animated.png");
        await RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "2", "-f", "apng", "-plays", "0", path);
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
