using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Images;
using NetVips;
using static MediaVault.Server.Tests.Infrastructure.ImageApi;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// Animated GIF and WebP uploads: metadata has the frame count and duration as numbers, the thumbnail stays a still,
/// and the previews job adds an animated WebP of every frame with its delay.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class AnimatedImageProcessingTests(ServerFixture server) : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();

    [Theory]
    [InlineData("gif")]
    [InlineData("webp")]
    public async Task An_animation_gets_frame_count_duration_and_an_animated_preview(string extension)
    {
        var bytes = await File.ReadAllBytesAsync(await _corpus.AnimatedAsync(extension));
        using var client = server.CreateTenantClient(out _);

        var (releaseId, media) = await client.UploadToReleaseAsync("animated." + extension, bytes);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal(ImageCorpus.Frames, Number(metadata, "frameCount"));
        Assert.Equal(2.0, Number(metadata, "duration"), 3);
        Assert.Equal(ImageCorpus.FrameWidth, Number(metadata, "width"));
        Assert.Contains("thumb-256.webp", RenditionNames(media));

        var later = await client.WaitForRenditionAsync(releaseId, "animated.webp");
        var animated = Rendition(later, "animated.webp");
        Assert.Equal("image/webp", animated.GetProperty("mimeType").GetString());
        using var anonymous = server.CreateClient();
        var webp = await anonymous.GetByteArrayAsync(animated.GetProperty("url").GetString());
        using var image = Image.NewFromBuffer(webp, kwargs: new VOption { { "n", -1 } });
        Assert.Equal(ImageCorpus.Frames, (int)image.Get("n-pages"));
        Assert.Equal((320, 240), (image.Width, image.PageHeight));
        Assert.All((int[])image.Get("delay"), delay => Assert.Equal(ImageCorpus.FrameDelayMs, delay));
    }

    [Fact]
    public async Task A_still_image_has_no_frame_count_and_no_animated_preview()
    {
        using var client = server.CreateTenantClient(out _);

        var (releaseId, media) = await client.UploadToReleaseAsync("still.gif", await File.ReadAllBytesAsync(await _corpus.StillGifAsync()));

        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.False(metadata.TryGetProperty("frameCount", out _));
        Assert.False(metadata.TryGetProperty("duration", out _));
        var later = await client.WaitForRenditionAsync(releaseId, "thumb-1024.webp");
        Assert.DoesNotContain("animated.webp", RenditionNames(later));
    }

    public void Dispose() => _corpus.Dispose();
}
