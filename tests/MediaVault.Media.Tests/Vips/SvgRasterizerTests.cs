using System.Diagnostics;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffprobe;
using MediaVault.Media.Processes;
using MediaVault.Media.Vips;
using MediaVault.Tests.Hostile;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Tests.Vips;

/// <summary>
/// Every SVG is drawn by rsvg-convert in its own jailed process: a drawing that would take minutes is killed at the
/// render limit, crops and fits come out at exactly the asked size, and without the tool nothing is drawn in-process.
/// </summary>
public sealed class SvgRasterizerTests : IDisposable
{
    // 400×100: red, with a blue band 100 px wide in the middle.
    private static readonly byte[] Banner =
        """<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><rect width="400" height="100" fill="#f00"/><rect x="150" width="100" height="100" fill="#00f"/></svg>"""u8.ToArray();

    private readonly string _folder = Directory.CreateTempSubdirectory("mediavault-svg-tests-").FullName;

    [Fact]
    public async Task A_drawing_of_nested_filters_is_killed_at_the_render_limit_on_every_path()
    {
        var options = Options.Create(new ProcessingOptions { PageRenderTimeout = TimeSpan.FromSeconds(2) });
        var vips = new VipsThumbnailer(options);
        var path = Write("filters.svg", HostileSvg.NestedFilters());

        var stopwatch = Stopwatch.StartNew();
        var thumbnail = await Assert.ThrowsAsync<MediaUnreadableException>(() => new ImageThumbnailGenerator(vips, options).GenerateAsync(
            new RenditionSource(path, "image/svg+xml", new System.Text.Json.Nodes.JsonObject()), Directory.CreateTempSubdirectory("mediavault-svg-work-").FullName, CancellationToken.None));
        var variant = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => vips.WriteVariantAsync(path, new ImageVariant(1024, 1024, "cover", "webp", 80), Target("filters.webp"), CancellationToken.None));
        stopwatch.Stop();

        Assert.Equal(MediaFailureCode.ProcessingTimeout, thumbnail.Code);
        Assert.Equal(MediaFailureCode.ProcessingTimeout, variant.Code);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2 * 2 + 15), $"took {stopwatch.Elapsed}");
        Assert.False(File.Exists(Target("filters.webp")));
    }

    [Fact]
    public async Task A_cover_crop_is_the_drawings_centre_at_exactly_the_asked_size()
    {
        var vips = new VipsThumbnailer(Options.Create(new ProcessingOptions()));
        var path = Write("banner.svg", Banner);

        var size = await vips.WriteVariantAsync(path, new ImageVariant(50, 50, "cover", "png", 80), Target("cover.png"), CancellationToken.None);

        using var image = Image.NewFromFile(Target("cover.png"));
        Assert.Equal((50, 50), size);
        Assert.Equal((50, 50, 4), (image.Width, image.Height, image.Bands));
        Assert.Equal([0, 0, 255, 255], image.Getpoint(1, 1));
        Assert.Equal([0, 0, 255, 255], image.Getpoint(48, 48));
    }

    [Fact]
    public async Task A_fitted_drawing_keeps_its_shape_and_gains_an_alpha_band()
    {
        var vips = new VipsThumbnailer(Options.Create(new ProcessingOptions()));
        var path = Write("banner.svg", Banner);

        var size = await vips.WriteVariantAsync(path, new ImageVariant(200, 200, "inside", "png", 80), Target("inside.png"), CancellationToken.None);

        using var image = Image.NewFromFile(Target("inside.png"));
        Assert.Equal((200, 50), size);
        Assert.Equal(4, image.Bands);
        Assert.Equal([255, 0, 0, 255], image.Getpoint(10, 25));
        Assert.Equal([0, 0, 255, 255], image.Getpoint(100, 25));
    }

    [Fact]
    public async Task Without_its_renderer_an_svg_is_not_drawn_in_process()
    {
        var options = Options.Create(new ProcessingOptions());
        var rasterizer = new SvgRasterizer(new ProcessRunner(), Options.Create(new FfprobeOptions { RsvgConvertPath = "/nonexistent/rsvg-convert" }), options);
        var vips = new VipsThumbnailer(options, rasterizer: rasterizer);
        var path = Write("banner.svg", Banner);

        var size = await vips.InspectSourceAsync(path, source => (source.Width, source.Height), CancellationToken.None);

        Assert.Equal((400, 100), size);
        await Assert.ThrowsAsync<ProcessFailedException>(
            () => vips.WriteVariantAsync(path, new ImageVariant(100, 100, "inside", "png", 80), Target("none.png"), CancellationToken.None));
    }

    [Fact]
    public async Task Drawings_running_to_the_render_limit_keep_no_other_image_waiting()
    {
        var options = Options.Create(new ProcessingOptions { PageRenderTimeout = TimeSpan.FromSeconds(10) });
        var vips = new VipsThumbnailer(options);
        var hostile = Write("filters.svg", HostileSvg.NestedFilters());
        var photo = Target("photo.jpg");
        using (var noise = Image.Gaussnoise(1200, 800))
        using (var bands = noise.Bandjoin([noise, noise]))
        using (var rgb = bands.Cast(Enums.BandFormat.Uchar))
        {
            rgb.Jpegsave(photo);
        }

        // As many drawings as there are libvips slots, each held until the render limit kills it.
        var drawings = Enumerable.Range(0, Environment.ProcessorCount)
            .Select(i => vips.WriteVariantAsync(hostile, new ImageVariant(1024, 1024, "cover", "webp", 80), Target($"filters-{i}.webp"), CancellationToken.None))
            .ToList();
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        var stopwatch = Stopwatch.StartNew();
        var sizes = await vips.WriteWebpSeriesAsync(photo, [(256, Target("photo-256.webp"))], CancellationToken.None);
        stopwatch.Stop();

        Assert.Equal((256, 171), sizes[256]);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"the photo waited {stopwatch.Elapsed} behind the drawings");
        Assert.Contains(drawings, d => !d.IsCompleted);
        foreach (var drawing in drawings)
        {
            var error = await Assert.ThrowsAsync<MediaUnreadableException>(() => drawing);
            Assert.Equal(MediaFailureCode.ProcessingTimeout, error.Code);
        }
    }

    [Fact]
    public async Task The_drawings_bytes_are_written_under_the_tools_scratch_folder_and_removed()
    {
        var scratch = Directory.CreateDirectory(Target("scratch")).FullName;
        var options = Options.Create(new ProcessingOptions { PageRenderTimeout = TimeSpan.FromSeconds(3) });
        var runner = new ProcessRunner(Options.Create(new SandboxOptions { ScratchDirectory = scratch }));
        var vips = new VipsThumbnailer(options, rasterizer: new SvgRasterizer(runner, Options.Create(new FfprobeOptions()), options));
        var hostile = Write("filters.svg", HostileSvg.NestedFilters());

        var drawing = vips.WriteVariantAsync(hostile, new ImageVariant(1024, 1024, "cover", "webp", 80), Target("filters.webp"), CancellationToken.None);
        var seen = false;
        while (!drawing.IsCompleted && !seen)
        {
            seen = Directory.GetDirectories(scratch, "svg-*").Any(d => File.Exists(Path.Combine(d, "drawing.svg")));
            await Task.Delay(20);
        }

        await Assert.ThrowsAsync<MediaUnreadableException>(() => drawing);
        Assert.True(seen, "the drawing's bytes never appeared under the scratch folder");
        Assert.Empty(Directory.GetDirectories(scratch, "svg-*"));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Target(string name) => Path.Combine(_folder, name);
}
