using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using MediaVault.Tests.Hostile;
using MediaVault.Tests.Images;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Tests.Vips;

/// <summary>
/// SVG as any other image: its size as a browser reads it, a small thumbnail, a large preview and variants, each
/// rendered straight at its output size from the guarded buffer, however large the SVG says it is.
/// </summary>
public sealed class SvgImageTests : IDisposable
{
    private static readonly string IconPath = Path.Combine(AppContext.BaseDirectory, "TestFiles", "icon.svg");
    private readonly ImageCorpus _corpus = ImageCorpus.Create();

    public static TheoryData<string> SvgNames => new(ImageCorpus.Svgs.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SvgNames))]
    public async Task An_svg_gets_its_own_size_and_webp_thumbnail_and_preview(string name)
    {
        var (_, bytes, width, height) = ImageCorpus.Svgs.Single(s => s.Name == name);
        var path = Write(name, bytes);
        var (vips, options) = Create();

        var metadata = await new VipsImageMetadataExtractor(vips, options).ExtractAsync(path, "image/svg+xml", CancellationToken.None);
        var source = new RenditionSource(path, "image/svg+xml", metadata);
        var thumbnail = Assert.Single(await new ImageThumbnailGenerator(vips, options).GenerateAsync(source, Work("small"), CancellationToken.None));
        var preview = Assert.Single(await new ImagePreviewGenerator(vips, options).GenerateAsync(source, Work("large"), CancellationToken.None));

        Assert.Equal(width, (int)metadata["width"]!);
        Assert.Equal(height, (int)metadata["height"]!);
        Assert.Equal("svg", (string?)metadata["format"]);
        AssertWebp(thumbnail, Fit(width, height, 256));
        AssertWebp(preview, Fit(width, height, 1024));
    }

    [Fact]
    public async Task The_web_pages_icon_is_read_from_its_viewbox()
    {
        var (vips, options) = Create();

        var metadata = await new VipsImageMetadataExtractor(vips, options).ExtractAsync(IconPath, "image/svg+xml", CancellationToken.None);
        var thumbnail = Assert.Single(await new ImageThumbnailGenerator(vips, options).GenerateAsync(
            new RenditionSource(IconPath, "image/svg+xml", metadata), Work("icon"), CancellationToken.None));

        Assert.Equal((32, 32), ((int)metadata["width"]!, (int)metadata["height"]!));
        AssertWebp(thumbnail, (32, 32));
    }

    [Fact]
    public async Task A_huge_svg_is_never_rasterised_past_the_pixel_limit()
    {
        var (_, bytes, _, _) = ImageCorpus.Svgs.Single(s => s.Name == "wallpaper.svg");
        var path = Write("wallpaper.svg", bytes);
        var (vips, _) = Create(maxImagePixels: 2_000_000);
        var natural = new ImageVariant(null, null, "inside", "png", 80);
        var cover = new ImageVariant(300, 300, "cover", "webp", 80);
        var tooLarge = new ImageVariant(2000, 2000, "cover", "webp", 80);

        var metadata = await new VipsImageMetadataExtractor(vips, Options.Create(new ProcessingOptions())).ExtractAsync(path, "image/svg+xml", CancellationToken.None);
        var full = await vips.WriteVariantAsync(path, natural, Path.Combine(_corpus.Directory, "natural.png"), CancellationToken.None);
        var cropped = await vips.WriteVariantAsync(path, cover, Path.Combine(_corpus.Directory, "cover.webp"), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => vips.WriteVariantAsync(path, tooLarge, Path.Combine(_corpus.Directory, "large.webp"), CancellationToken.None));

        Assert.Equal((100000, 50000), ((int)metadata["width"]!, (int)metadata["height"]!));
        Assert.Equal((2000, 1000), full);
        Assert.Equal((300, 300), cropped);
        Assert.Contains("2000000", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_svg_declaring_more_than_a_million_pixels_on_a_side_is_refused()
    {
        var path = Write("absurd.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"2000000\" height=\"10\"/>"u8.ToArray());
        var (vips, options) = Create();

        var ex = await Assert.ThrowsAsync<MediaUnreadableException>(
            () => new VipsImageMetadataExtractor(vips, options).ExtractAsync(path, "image/svg+xml", CancellationToken.None));

        Assert.Contains("1000000 px on a side", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_svg_is_still_refused_by_every_image_path()
    {
        using var hostile = await HostileCorpus.CreateAsync();
        var (vips, options) = Create();
        foreach (var (name, bytes) in hostile.Svg)
        {
            var path = Write(name, bytes);
            var source = new RenditionSource(path, "image/svg+xml", new JsonObject());

            var extract = await Assert.ThrowsAsync<MediaUnreadableException>(
                () => new VipsImageMetadataExtractor(vips, options).ExtractAsync(path, "image/svg+xml", CancellationToken.None));
            var preview = await Assert.ThrowsAsync<MediaUnreadableException>(
                () => new ImagePreviewGenerator(vips, options).GenerateAsync(source, Work(name), CancellationToken.None));
            var variant = await Assert.ThrowsAsync<MediaUnreadableException>(
                () => vips.WriteVariantAsync(path, ImageVariant.Presets["thumb"], Path.Combine(_corpus.Directory, name + ".webp"), CancellationToken.None));

            Assert.All([extract, preview, variant], ex => Assert.StartsWith("SVG is refused", ex.Message, StringComparison.Ordinal));
        }

        Assert.Equal(0, hostile.Connections);
    }

    public void Dispose() => _corpus.Dispose();

    private static (VipsThumbnailer Vips, IOptions<ProcessingOptions> Options) Create(long maxImagePixels = 200_000_000)
    {
        var options = Options.Create(new ProcessingOptions { MaxImagePixels = maxImagePixels });
        return (new VipsThumbnailer(options), options);
    }

    /// <summary>The size fitted inside a square box, never enlarged.</summary>
    private static (int Width, int Height) Fit(int width, int height, int box)
    {
        var scale = Math.Min(1, (double)box / Math.Max(width, height));
        return ((int)Math.Round(width * scale), (int)Math.Round(height * scale));
    }

    private static void AssertWebp(RenditionFile file, (int Width, int Height) expected)
    {
        var bytes = File.ReadAllBytes(file.LocalPath);
        Assert.Equal("WEBP"u8.ToArray(), bytes[8..12]);
        Assert.Equal(expected, (file.Width!.Value, file.Height!.Value));
        using var image = Image.NewFromFile(file.LocalPath);
        Assert.Equal(expected, (image.Width, image.Height));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_corpus.Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Work(string name) => Directory.CreateDirectory(Path.Combine(_corpus.Directory, "work-" + name)).FullName;
}
