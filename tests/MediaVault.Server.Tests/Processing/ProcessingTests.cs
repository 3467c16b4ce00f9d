using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Processing;

[Collection(ServerCollection.Name)]
public sealed class ProcessingTests(ServerFixture server)
{
    [Fact]
    public async Task A_wav_of_known_parameters_gives_exact_metadata()
    {
        var media = await UploadAndProcessAsync("tone-2s.wav");

        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.InRange(metadata.GetProperty("duration").GetDouble(), 1.95, 2.05);
        Assert.Equal("44100", metadata.GetProperty("sampleRate").GetString());
        Assert.Equal("2", metadata.GetProperty("channels").GetString());
        Assert.Equal("pcm_s16le", metadata.GetProperty("codec").GetString());
        Assert.Equal("1411", metadata.GetProperty("bitrate").GetString());
    }

    [Theory]
    [InlineData("tone.m4a", "aac")]
    [InlineData("tone.ogg", null)]
    [InlineData("tone.flac", "flac")]
    [InlineData("tone.aac", "aac")]
    public async Task Other_audio_formats_are_probed_and_get_a_waveform(string file, string? codec)
    {
        var media = await UploadAndProcessAsync(file);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("audio", media.GetProperty("type").GetString());
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Number, metadata.GetProperty("duration").ValueKind);
        Assert.Equal(JsonValueKind.String, metadata.GetProperty("sampleRate").ValueKind);
        if (codec is not null)
        {
            Assert.Equal(codec, metadata.GetProperty("codec").GetString());
        }

        Assert.Contains("waveform.json", RenditionNames(media));
    }

    [Fact]
    public async Task Audio_gets_a_waveform_of_min_max_pairs()
    {
        var media = await UploadAndProcessAsync("tone.mp3");

        var waveform = await DownloadRenditionJsonAsync(media, "waveform.json");

        var length = waveform.GetProperty("length").GetInt32();
        Assert.InRange(length, 100, 1000);
        Assert.Equal(length * 2, waveform.GetProperty("data").GetArrayLength());
        Assert.Equal(8000, waveform.GetProperty("sample_rate").GetInt32());
        var values = waveform.GetProperty("data").EnumerateArray().Select(v => v.GetInt32()).ToList();
        Assert.True(values.Max() > 1000, "a full-scale sine has large peaks");
    }

    [Fact]
    public async Task Embedded_cover_art_becomes_a_rendition_with_thumbnails()
    {
        var media = await UploadAndProcessAsync("cover.mp3");

        var names = RenditionNames(media);
        Assert.Contains("cover.jpg", names);
        Assert.Contains("thumb-256.webp", names);
        Assert.True(media.GetProperty("metadata").GetProperty("tags").TryGetProperty("album", out _));
    }

    [Theory]
    [InlineData("clip.mp4", "h264", 25)]
    [InlineData("clip.webm", null, 15)]
    public async Task Video_gets_dimensions_a_poster_frame_and_thumbnails(string file, string? codec, double frameRate)
    {
        var media = await UploadAndProcessAsync(file);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("video", media.GetProperty("type").GetString());
        Assert.Equal(160, metadata.GetProperty("width").GetInt32());
        Assert.Equal(120, metadata.GetProperty("height").GetInt32());
        Assert.InRange(metadata.GetProperty("frameRate").GetDouble(), frameRate - 0.1, frameRate + 0.1);
        if (codec is not null)
        {
            Assert.Equal(codec, metadata.GetProperty("codec").GetString());
        }

        Assert.Contains("poster.jpg", RenditionNames(media));
        var thumb = Rendition(media, "thumb-256.webp");
        Assert.True(thumb.GetProperty("width").GetInt32() <= 256);
        var bytes = await DownloadRenditionAsync(media, "poster.jpg");
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
    }

    [Fact]
    public async Task An_image_gets_dimensions_and_webp_thumbnails()
    {
        var media = await UploadAndProcessAsync("image.jpg");

        var metadata = media.GetProperty("metadata");
        Assert.Equal(64, metadata.GetProperty("width").GetInt32());
        Assert.Equal(48, metadata.GetProperty("height").GetInt32());
        Assert.Equal("jpeg", metadata.GetProperty("format").GetString());
        Assert.Contains("thumb-256.webp", RenditionNames(media));
        var webp = await DownloadRenditionAsync(media, "thumb-256.webp");
        Assert.Equal("RIFF"u8.ToArray(), webp[..4]);
        Assert.Equal("WEBP"u8.ToArray(), webp[8..12]);
    }

    [Fact]
    public async Task A_large_image_is_ready_with_its_small_thumbnail_and_gets_the_large_one_right_after()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mv-large-{Guid.NewGuid():N}.jpg");
        try
        {
            await TestProcesses.RunAsync("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=3000x2000:duration=1:rate=1", "-frames:v", "1", "-q:v", "4", path);
            using var client = server.CreateTenantClient(out _);
            var releaseId = await client.CreateReleaseAsync();
            using (var content = ReleaseApi.Files(("files", "large.jpg", await File.ReadAllBytesAsync(path))))
            using (var response = await client.PostAsync($"/releases/{releaseId}/media/files", content))
            {
                Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            }

            var ready = (await client.WaitProcessedAsync(releaseId))[0];
            Assert.Equal("ready", ready.GetProperty("metadata").GetProperty("state").GetString());
            Assert.Equal(256, Rendition(ready, "thumb-256.webp").GetProperty("width").GetInt32());

            var media = await WaitForRenditionAsync(client, releaseId, "thumb-1024.webp");
            Assert.Equal(["thumb-1024.webp", "thumb-256.webp"], RenditionNames(media).Order());
            var large = Rendition(media, "thumb-1024.webp");
            Assert.Equal(1024, large.GetProperty("width").GetInt32());
            Assert.Equal(683, large.GetProperty("height").GetInt32());
            var webp = await DownloadRenditionAsync(media, "thumb-1024.webp");
            Assert.Equal("WEBP"u8.ToArray(), webp[8..12]);

            // This instance keeps the preview's decoded pixels for the first variants, under the preview's own row.
            await using (var scope = server.Services.CreateAsyncScope())
            {
                var mediaId = media.GetProperty("cloudId").GetString()!;
                var row = scope.ServiceProvider.GetRequiredService<MediaVault.Data.MediaVaultDbContext>().Renditions
                    .Single(r => r.MediaId == mediaId && r.Name == "thumb-1024.webp");
                var kept = server.Services.GetRequiredService<MediaVault.Server.Api.Delivery.DecodedPreviews>()
                    .Find(new MediaVault.Server.Api.Delivery.DecodedPreviewKey(row.TenantId, mediaId, row.Id));
                Assert.Equal((1024, 683, 3), (kept?.Width, kept?.Height, kept?.Bands));
                var half = server.Services.GetRequiredService<MediaVault.Server.Api.Delivery.DecodedPreviews>()
                    .Find(new MediaVault.Server.Api.Delivery.DecodedPreviewKey(row.TenantId, mediaId, row.Id), level => level.Width <= 512);
                Assert.Equal((512, 3), (half?.Width, half?.Bands));
                Assert.InRange(half!.Height, 341, 342);
            }

            // With the preview there, a small variant is scaled from it (not from the original), and served again from memory.
            using var anonymous = server.CreateClient();
            var variantUrl = media.GetProperty("cloudUrl").GetString() + "&preset=thumb";
            using var first = await anonymous.GetAsync(variantUrl);
            using var again = await anonymous.GetAsync(variantUrl);
            Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("image/webp", first.Content.Headers.ContentType?.MediaType);
            var bytes = await first.Content.ReadAsByteArrayAsync();
            Assert.Equal(bytes, await again.Content.ReadAsByteArrayAsync());
            using (var image = NetVips.Image.NewFromBuffer(bytes))
            {
                Assert.Equal((256, 171), (image.Width, image.Height));
            }

            var variant = RenditionNames((await client.ListMediaAsync(releaseId))[0]).Single(n => n.StartsWith("v-", StringComparison.Ordinal));
            Assert.StartsWith("v-256x256", variant);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Exif_orientation_is_applied_to_dimensions_and_thumbnails_and_gps_is_dropped()
    {
        var media = await UploadAndProcessAsync("exif-orientation-6.jpg");

        var metadata = media.GetProperty("metadata");
        Assert.Equal(6, metadata.GetProperty("orientation").GetInt32());
        Assert.Equal(80, metadata.GetProperty("width").GetInt32());
        Assert.Equal(120, metadata.GetProperty("height").GetInt32());
        var exif = metadata.GetProperty("exif");
        Assert.Equal("MediaVaultCam", exif.GetProperty("cameraMake").GetString());
        Assert.Equal("MV-1", exif.GetProperty("cameraModel").GetString());
        Assert.Equal("2024:05:06 07:08:09", exif.GetProperty("takenAt").GetString());
        Assert.False(exif.TryGetProperty("gpsLatitude", out _));
        var thumb = Rendition(media, "thumb-256.webp");
        Assert.True(thumb.GetProperty("height").GetInt32() > thumb.GetProperty("width").GetInt32(), "the thumbnail is upright (portrait)");
    }

    [Theory]
    [InlineData("alpha.png", true)]
    [InlineData("image.webp", false)]
    [InlineData("image.gif", true)]
    public async Task Other_image_formats_are_read(string file, bool alpha)
    {
        var media = await UploadAndProcessAsync(file);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.True(metadata.GetProperty("width").GetInt32() > 0);
        Assert.Equal(alpha, metadata.GetProperty("hasAlpha").GetBoolean());
        Assert.Contains("thumb-256.webp", RenditionNames(media));
    }

    [Fact]
    public async Task A_pdf_gets_its_page_count_and_a_first_page_thumbnail()
    {
        var media = await UploadAndProcessAsync("document-3pages.pdf");

        Assert.Equal(3, media.GetProperty("metadata").GetProperty("pageCount").GetInt32());
        Assert.Contains("thumb-256.webp", RenditionNames(media));
    }

    [Theory]
    [InlineData("garbage.jpg")]
    [InlineData("bomb.png")]
    public async Task A_broken_file_ends_failed_with_a_reason_and_the_server_stays_healthy(string file)
    {
        var media = await UploadAndProcessAsync(file);

        var metadata = media.GetProperty("metadata");
        Assert.Equal("failed", metadata.GetProperty("state").GetString());
        Assert.False(string.IsNullOrWhiteSpace(metadata.GetProperty("failureReason").GetString()));
        using var client = server.CreateClient();
        using var health = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task The_bomb_is_refused_by_its_header_before_any_decoding()
    {
        var media = await UploadAndProcessAsync("bomb.png");

        Assert.Equal("too_many_pixels", media.GetProperty("metadata").GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task Plain_text_is_refused_at_upload_not_discovered_later()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("notes.txt"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deleting_a_media_removes_its_renditions_too()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        await client.UploadAsync(releaseId, "image.png");
        await client.WaitProcessedAsync(releaseId);
        var media = await WaitForRenditionAsync(client, releaseId, "thumb-1024.webp");
        var mediaId = media.GetProperty("cloudId").GetString()!;
        Assert.True(server.StoredFiles(mediaId).Count >= 3);

        using (await client.DeleteAsync($"/releases/{releaseId}/media/{mediaId}"))
        {
        }

        Assert.Empty(server.StoredFiles(mediaId));
    }

    private async Task<JsonElement> UploadAndProcessAsync(string file)
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        await client.UploadAsync(releaseId, file);
        return (await client.WaitProcessedAsync(releaseId))[0];
    }

    /// <summary>Polls the release's only media until it has the rendition (made by a follow-up job after ready).</summary>
    private static async Task<JsonElement> WaitForRenditionAsync(HttpClient client, string releaseId, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var media = (await client.ListMediaAsync(releaseId))[0];
        while (!RenditionNames(media).Contains(name) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            media = (await client.ListMediaAsync(releaseId))[0];
        }

        return media;
    }

    private static List<string> RenditionNames(JsonElement media) =>
        media.GetProperty("metadata").TryGetProperty("renditions", out var renditions)
            ? renditions.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList()
            : [];

    private static JsonElement Rendition(JsonElement media, string name) =>
        media.GetProperty("metadata").GetProperty("renditions").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name);

    private async Task<byte[]> DownloadRenditionAsync(JsonElement media, string name)
    {
        using var client = server.CreateClient();
        return await client.GetByteArrayAsync(Rendition(media, name).GetProperty("url").GetString());
    }

    private async Task<JsonElement> DownloadRenditionJsonAsync(JsonElement media, string name)
    {
        using var document = JsonDocument.Parse(await DownloadRenditionAsync(media, name));
        return document.RootElement.Clone();
    }
}
