using System.Buffers.Binary;
using System.Net;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Images;
using static MediaVault.Server.Tests.Infrastructure.ImageApi;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// Images libvips may not decode in process (BMP, JPEG XL) are ready through the release surface, decoded by the
/// jailed ffmpeg; an Illustrator SVG with its entity DOCTYPE is ready; an animated PNG has its frame count and
/// duration and a still thumbnail.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ForeignImageProcessingTests(ServerFixture server) : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();

    public void Dispose() => _corpus.Dispose();

    [Theory]
    [InlineData("bmp")]
    [InlineData("jxl")]
    public async Task A_bmp_or_jxl_upload_is_ready_with_its_size_thumbnails_preview_and_a_variant(string format)
    {
        var bytes = await File.ReadAllBytesAsync(format == "bmp" ? await _corpus.BmpAsync() : await _corpus.JxlAsync());
        using var client = server.CreateTenantClient(out _);

        var (releaseId, media) = await client.UploadToReleaseAsync("still." + format, bytes);

        Assert.Equal("image", media.GetProperty("type").GetString());
        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal(ImageCorpus.StillWidth, Number(metadata, "width"));
        Assert.Equal(ImageCorpus.StillHeight, Number(metadata, "height"));
        Assert.Equal(format, metadata.GetProperty("format").GetString());
        Assert.False(metadata.GetProperty("hasAlpha").GetBoolean());
        var thumbnail = Rendition(media, "thumb-256.webp");
        Assert.Equal((256, 144), (thumbnail.GetProperty("width").GetInt32(), thumbnail.GetProperty("height").GetInt32()));
        using var anonymous = server.CreateClient();
        Assert.Equal("WEBP"u8.ToArray(), (await anonymous.GetByteArrayAsync(thumbnail.GetProperty("url").GetString()))[8..12]);

        var later = await client.WaitForRenditionAsync(releaseId, "thumb-1024.webp");
        var preview = Rendition(later, "thumb-1024.webp");
        Assert.Equal((ImageCorpus.StillWidth, ImageCorpus.StillHeight), (preview.GetProperty("width").GetInt32(), preview.GetProperty("height").GetInt32()));
        using var variant = await anonymous.GetAsync(media.GetProperty("cloudUrl").GetString() + "&preset=small");
        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        Assert.Equal("image/webp", variant.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WEBP"u8.ToArray(), (await variant.Content.ReadAsByteArrayAsync())[8..12]);
    }

    [Fact]
    public async Task A_bmp_with_alpha_says_so()
    {
        using var client = server.CreateTenantClient(out _);

        var (_, media) = await client.UploadToReleaseAsync("alpha.bmp", await File.ReadAllBytesAsync(await _corpus.BmpAsync(alpha: true)));

        Assert.True(media.GetProperty("metadata").GetProperty("hasAlpha").GetBoolean());
    }

    [Fact]
    public async Task A_bmp_header_declaring_too_many_pixels_fails_with_too_many_pixels()
    {
        var bytes = new byte[54];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), 100_000);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), 100_000);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(28), 24);
        using var client = server.CreateTenantClient(out _);

        var (_, media) = await client.UploadToReleaseAsync("bomb.bmp", bytes);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("failed", metadata.GetProperty("state").GetString());
        Assert.Equal("too_many_pixels", metadata.GetProperty("failureCode").GetString());
        Assert.Empty(RenditionNames(media));
    }

    [Fact]
    public async Task An_illustrator_svg_with_its_entity_doctype_is_ready_at_its_viewbox_size()
    {
        using var client = server.CreateTenantClient(out _);

        var (releaseId, media) = await client.UploadToReleaseAsync("logo.svg", ImageCorpus.IllustratorSvg);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal((82, 41), ((int)Number(metadata, "width"), (int)Number(metadata, "height")));
        Assert.Contains("thumb-256.webp", RenditionNames(media));
        Assert.Contains("thumb-1024.webp", RenditionNames(await client.WaitForRenditionAsync(releaseId, "thumb-1024.webp")));
    }

    [Fact]
    public async Task An_animated_png_has_frame_count_and_duration_and_a_still_thumbnail()
    {
        using var client = server.CreateTenantClient(out _);

        var (releaseId, media) = await client.UploadToReleaseAsync("animated.png", await File.ReadAllBytesAsync(await _corpus.AnimatedPngAsync()));

        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal(ImageCorpus.Frames, Number(metadata, "frameCount"));
        Assert.Equal(2.0, Number(metadata, "duration"), 3);
        Assert.Equal("png", metadata.GetProperty("format").GetString());
        var thumbnail = Rendition(media, "thumb-256.webp");
        Assert.Equal((64, 48), (thumbnail.GetProperty("width").GetInt32(), thumbnail.GetProperty("height").GetInt32()));
        var later = await client.WaitForRenditionAsync(releaseId, "thumb-1024.webp");
        Assert.DoesNotContain("animated.webp", RenditionNames(later));
    }
}
