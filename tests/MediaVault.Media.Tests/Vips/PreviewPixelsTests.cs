using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using MediaVault.Tests.Images;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Tests.Vips;

/// <summary>
/// A preview's decoded pixels, kept when asked, are the pixels its WebP was encoded from, and a variant scaled from them
/// has the geometry and format of one scaled from the preview file.
/// </summary>
public sealed class PreviewPixelsTests : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();
    private readonly VipsThumbnailer _vips = new(Options.Create(new ProcessingOptions()));

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public async Task The_largest_thumbnail_comes_with_its_upright_pixels_when_asked(int orientation)
    {
        var path = await _corpus.OrientedAsync("jpg", orientation);

        var files = await ImageThumbnailGenerator.WriteThumbnailsAsync(_vips, [64, 32], path, _corpus.Directory, CancellationToken.None, keepLargestPixels: true);

        var largest = files.Single(f => f.Name == RenditionNames.Thumbnail(64));
        var pixels = Assert.IsType<RenditionPixels>(largest.Pixels);
        Assert.Null(files.Single(f => f.Name == RenditionNames.Thumbnail(32)).Pixels);
        Assert.Equal((largest.Width, largest.Height), (pixels.Width, pixels.Height));
        Assert.Equal(orientation >= 5, pixels.Height > pixels.Width);
        Assert.Equal(3, pixels.Bands);
        Assert.Equal((long)pixels.Width * pixels.Height * pixels.Bands, pixels.Size);
        using var encoded = Image.NewFromFile(largest.LocalPath);
        using var kept = Image.NewFromMemory(pixels.Data, pixels.Width, pixels.Height, pixels.Bands, Enums.BandFormat.Uchar);
        // Averaged over 8 × 8 blocks, which WebP's chroma subsampling and quantisation leave nearly intact.
        using var blocks = (encoded.Shrink(8, 8) - kept.Shrink(8, 8)).Abs();
        Assert.True(blocks.Avg() < 4, $"the WebP was encoded from these pixels (mean block difference {blocks.Avg()})");
    }

    [Fact]
    public async Task Without_asking_no_pixels_are_kept()
    {
        var path = await _corpus.OrientedAsync("png", 1);

        var files = await ImageThumbnailGenerator.WriteThumbnailsAsync(_vips, [64], path, _corpus.Directory, CancellationToken.None);

        Assert.Null(Assert.Single(files).Pixels);
    }

    [Theory]
    [InlineData("inside", "webp")]
    [InlineData("cover", "jpeg")]
    [InlineData("contain", "png")]
    public async Task A_variant_from_kept_pixels_matches_one_from_the_preview_file(string fit, string format)
    {
        var path = await _corpus.OrientedAsync("jpg", 1);
        var preview = Assert.Single(await ImageThumbnailGenerator.WriteThumbnailsAsync(
            _vips, [100], path, _corpus.Directory, CancellationToken.None, keepLargestPixels: true));
        var variant = new ImageVariant(40, 30, fit, format, 80);
        var fromFile = Path.Combine(_corpus.Directory, "from-file." + format);
        var fromMemory = Path.Combine(_corpus.Directory, "from-memory." + format);

        var fileSize = await _vips.WriteVariantAsync(preview.LocalPath, variant, fromFile, CancellationToken.None);
        var memorySize = await _vips.WriteVariantAsync(preview.Pixels!, variant, fromMemory, CancellationToken.None);

        Assert.Equal(fileSize, memorySize);
        using var a = Image.NewFromFile(fromFile);
        using var b = Image.NewFromFile(fromMemory);
        Assert.Equal((a.Width, a.Height, a.Bands), (b.Width, b.Height, b.Bands));
        Assert.Equal(a.Get("vips-loader"), b.Get("vips-loader"));
        using var blocks = (a.Shrink(5, 5) - b.Shrink(5, 5)).Abs();
        Assert.True(blocks.Avg() < 8, $"the same picture (mean block difference {blocks.Avg()})");
    }

    [Theory]
    [InlineData("inside", "webp")]
    [InlineData("cover", "jpeg")]
    public async Task A_variant_from_the_half_size_level_matches_one_from_the_preview_pixels(string fit, string format)
    {
        var path = await _corpus.OrientedAsync("jpg", 1);
        var preview = Assert.Single(await ImageThumbnailGenerator.WriteThumbnailsAsync(
            _vips, [120], path, _corpus.Directory, CancellationToken.None, keepLargestPixels: true));
        var full = preview.Pixels!;
        var variant = new ImageVariant(24, 24, fit, format, 80);
        var fromFull = Path.Combine(_corpus.Directory, "from-full." + format);
        var fromHalf = Path.Combine(_corpus.Directory, "from-half." + format);

        var half = await _vips.ScaleAsync(full, 60, CancellationToken.None);
        var fullSize = await _vips.WriteVariantAsync(full, variant, fromFull, CancellationToken.None);
        var halfSize = await _vips.WriteVariantAsync(half, variant, fromHalf, CancellationToken.None);

        Assert.Equal((120, 80), (full.Width, full.Height));
        Assert.Equal((60, 40, full.Bands), (half.Width, half.Height, half.Bands));
        Assert.Equal((long)half.Width * half.Height * half.Bands, half.Size);
        Assert.Equal(fullSize, halfSize);
        using var a = Image.NewFromFile(fromFull);
        using var b = Image.NewFromFile(fromHalf);
        Assert.Equal((a.Width, a.Height, a.Bands), (b.Width, b.Height, b.Bands));
        using var blocks = (a.Shrink(3, 3) - b.Shrink(3, 3)).Abs();
        Assert.True(blocks.Avg() < 8, $"the same picture (mean block difference {blocks.Avg()})");
    }

    public void Dispose() => _corpus.Dispose();
}
