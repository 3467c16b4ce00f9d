using MediaVault.Core.Processing;
using MediaVault.Media.Vips;
using MediaVault.Tests.Images;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Tests.Vips;

/// <summary>
/// Animated GIF and WebP: frame count and duration in metadata, a still thumbnail, and an animated WebP preview with
/// every frame and delay, capped in frames and in decoded pixels.
/// </summary>
public sealed class AnimatedImageTests : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();
    private readonly IOptions<ProcessingOptions> _options = Options.Create(new ProcessingOptions());

    [Theory]
    [InlineData("gif", "image/gif")]
    [InlineData("webp", "image/webp")]
    public async Task An_animation_gets_frame_count_duration_a_still_thumbnail_and_an_animated_preview(string extension, string mime)
    {
        var path = await _corpus.AnimatedAsync(extension);
        var vips = new VipsThumbnailer(_options);

        var metadata = await new VipsImageMetadataExtractor(vips, _options).ExtractAsync(path, mime, CancellationToken.None);
        var source = new RenditionSource(path, mime, metadata);
        var still = Assert.Single(await new ImageThumbnailGenerator(vips, _options).GenerateAsync(source, Work("still"), CancellationToken.None));
        var animated = Assert.Single(await Generator(vips, new AnimatedPreviewOptions()).GenerateAsync(source, Work("animated"), CancellationToken.None));

        Assert.Equal(ImageCorpus.Frames, (int)metadata["frameCount"]!);
        Assert.Equal(ImageCorpus.Frames * ImageCorpus.FrameDelayMs / 1000.0, (double)metadata["duration"]!, 3);
        Assert.Null(metadata["pages"]);
        Assert.Equal((ImageCorpus.FrameWidth, ImageCorpus.FrameHeight), ((int)metadata["width"]!, (int)metadata["height"]!));
        using (var thumbnail = Image.NewFromFile(still.LocalPath))
        {
            Assert.Equal(1, thumbnail.Contains("n-pages") ? (int)thumbnail.Get("n-pages") : 1);
        }

        Assert.Equal(("animated.webp", "image/webp", 320, 240), (animated.Name, animated.MimeType, animated.Width!.Value, animated.Height!.Value));
        AssertAnimation(animated.LocalPath, ImageCorpus.Frames, 320, 240);
    }

    [Fact]
    public async Task The_animated_preview_keeps_at_most_the_configured_frames_and_pixels_at_its_long_edge()
    {
        var path = await _corpus.AnimatedAsync("gif");
        var vips = new VipsThumbnailer(_options);
        var metadata = await new VipsImageMetadataExtractor(vips, _options).ExtractAsync(path, "image/gif", CancellationToken.None);
        var source = new RenditionSource(path, "image/gif", metadata);
        var framePixels = ImageCorpus.FrameWidth * ImageCorpus.FrameHeight;

        var byFrames = Assert.Single(await Generator(vips, new() { MaxFrames = 5, LongEdge = 160 }).GenerateAsync(source, Work("frames"), CancellationToken.None));
        var byPixels = Assert.Single(await Generator(vips, new() { MaxPixels = (3 * framePixels) + 1 }).GenerateAsync(source, Work("pixels"), CancellationToken.None));
        var none = await Generator(vips, new() { MaxPixels = framePixels }).GenerateAsync(source, Work("none"), CancellationToken.None);

        AssertAnimation(byFrames.LocalPath, 5, 160, 120);
        AssertAnimation(byPixels.LocalPath, 3, 320, 240);
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_still_gif_has_no_frame_count_and_no_animated_preview()
    {
        var path = await _corpus.StillGifAsync();
        var vips = new VipsThumbnailer(_options);

        var metadata = await new VipsImageMetadataExtractor(vips, _options).ExtractAsync(path, "image/gif", CancellationToken.None);
        var renditions = await Generator(vips, new AnimatedPreviewOptions()).GenerateAsync(
            new RenditionSource(path, "image/gif", metadata), Work("still"), CancellationToken.None);

        Assert.Null(metadata["frameCount"]);
        Assert.Null(metadata["duration"]);
        Assert.Empty(renditions);
    }

    [Fact]
    public async Task The_sample_gif_is_three_frames_of_200_ms()
    {
        var vips = new VipsThumbnailer(_options);

        var metadata = await new VipsImageMetadataExtractor(vips, _options).ExtractAsync(Samples.File("image.gif"), "image/gif", CancellationToken.None);

        Assert.Equal(3, (int)metadata["frameCount"]!);
        Assert.Equal(0.6, (double)metadata["duration"]!, 3);
    }

    public void Dispose() => _corpus.Dispose();

    private static AnimatedPreviewGenerator Generator(VipsThumbnailer vips, AnimatedPreviewOptions options) => new(vips, Options.Create(options));

    private static void AssertAnimation(string path, int frames, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal("WEBP"u8.ToArray(), bytes[8..12]);
        using var image = Image.NewFromFile(path, kwargs: new VOption { { "n", -1 } });
        Assert.Equal(frames, (int)image.Get("n-pages"));
        Assert.Equal((width, height), (image.Width, image.PageHeight));
        Assert.All((int[])image.Get("delay"), delay => Assert.Equal(ImageCorpus.FrameDelayMs, delay));
        Assert.Equal(0, (int)image.Get("loop"));
    }

    private string Work(string name) => Directory.CreateDirectory(Path.Combine(_corpus.Directory, "work-" + name)).FullName;
}
