using System.Net;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Hostile;
using MediaVault.Tests.Images;
using static MediaVault.Server.Tests.Infrastructure.ImageApi;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// SVG uploads end ready with the size a browser gives them, a WebP thumbnail and then a large preview, and variants;
/// the original is still served only as a sandboxed attachment, and a hostile SVG still fails.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SvgProcessingTests(ServerFixture server)
{
    public static TheoryData<string> SvgNames => new(ImageCorpus.Svgs.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SvgNames))]
    public async Task An_svg_is_ready_with_its_size_and_a_webp_thumbnail(string name)
    {
        var (_, bytes, width, height) = ImageCorpus.Svgs.Single(s => s.Name == name);
        using var client = server.CreateTenantClient(out _);

        var (releaseId, media) = await client.UploadToReleaseAsync(name, bytes);

        await AssertReadyAsync(client, releaseId, media, width, height);
    }

    [Fact]
    public async Task The_web_pages_own_icon_is_ready_at_32_by_32()
    {
        using var anonymous = server.CreateClient();
        var icon = await anonymous.GetByteArrayAsync("/icon.svg");
        using var client = server.CreateTenantClient(out _);

        var (releaseId, media) = await client.UploadToReleaseAsync("icon.svg", icon);

        await AssertReadyAsync(client, releaseId, media, 32, 32);
    }

    [Fact]
    public async Task A_wallpaper_svg_gets_a_variant_and_its_original_stays_a_sandboxed_attachment()
    {
        var (_, bytes, _, _) = ImageCorpus.Svgs.Single(s => s.Name == "wallpaper.svg");
        using var client = server.CreateTenantClient(out _);
        var (_, media) = await client.UploadToReleaseAsync("wallpaper.svg", bytes);
        using var anonymous = server.CreateClient();
        var url = media.GetProperty("cloudUrl").GetString()!;

        using var variant = await anonymous.GetAsync(url + "&preset=small");
        using var original = await anonymous.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        Assert.Equal("image/webp", variant.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WEBP"u8.ToArray(), (await variant.Content.ReadAsByteArrayAsync())[8..12]);
        Assert.Equal("image/svg+xml", original.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", original.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", original.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_svg_through_the_library_has_its_size_in_specs()
    {
        var (_, bytes, width, height) = ImageCorpus.Svgs.Single(s => s.Name == "millimetres.svg");
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _ = client;
        using var anonymous = server.CreateClient();

        var media = await client.UploadToLibraryAsync(anonymous, "drawing.svg", "image/svg+xml", bytes);

        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        Assert.Equal(width, media.GetProperty("specs").GetProperty("width").GetInt32());
        Assert.Equal(height, media.GetProperty("specs").GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task A_hostile_svg_still_ends_failed_without_renditions()
    {
        using var hostile = await HostileCorpus.CreateAsync();
        var (name, bytes) = hostile.Svg.Single(s => s.Name == "href-relative.svg");
        using var client = server.CreateTenantClient(out _);

        var (_, media) = await client.UploadToReleaseAsync(name, bytes);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("failed", metadata.GetProperty("state").GetString());
        Assert.Empty(RenditionNames(media));
        Assert.False(metadata.TryGetProperty("width", out _));
    }

    private async Task AssertReadyAsync(HttpClient client, string releaseId, System.Text.Json.JsonElement media, int width, int height)
    {
        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal(width, Number(metadata, "width"));
        Assert.Equal(height, Number(metadata, "height"));
        var thumbnail = Rendition(media, "thumb-256.webp");
        Assert.Equal(Fit(width, height, 256), (thumbnail.GetProperty("width").GetInt32(), thumbnail.GetProperty("height").GetInt32()));
        using var anonymous = server.CreateClient();
        var webp = await anonymous.GetByteArrayAsync(thumbnail.GetProperty("url").GetString());
        Assert.Equal("WEBP"u8.ToArray(), webp[8..12]);

        var later = await client.WaitForRenditionAsync(releaseId, "thumb-1024.webp");
        var preview = Rendition(later, "thumb-1024.webp");
        Assert.Equal(Fit(width, height, 1024), (preview.GetProperty("width").GetInt32(), preview.GetProperty("height").GetInt32()));
    }

    private static (int Width, int Height) Fit(int width, int height, int box)
    {
        var scale = Math.Min(1, (double)box / Math.Max(width, height));
        return ((int)Math.Round(width * scale), (int)Math.Round(height * scale));
    }
}
