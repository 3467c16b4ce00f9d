using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Social;

[Collection(ServerCollection.Name)]
public sealed class SocialCompatibilityTests(ServerFixture server)
{
    private static readonly string[] Sine = ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"];

    [Fact]
    public async Task Hevc_4k_120fps_10_bit_clip_breaks_reels_width_frame_rate_and_duration_and_conforms_for_tiktok()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        var bytes = await SocialApi.MakeAsync(".mp4", ["-f", "lavfi", "-i", "testsrc2=s=3840x2160:r=120:d=0.1", .. Sine, "-shortest",
            "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", "-x265-params", "log-level=none", "-c:a", "aac"]);
        var id = await client.UploadReadyAsync("hevc-4k.mp4", "video/mp4", bytes);

        var reels = await client.CompatibilityAsync(id, "instagram", "reels");

        Assert.False(reels.GetProperty("ok").GetBoolean());
        Assert.Equal(["duration", "faststart", "frame_rate", "width"], reels.Problems("error"));
        Assert.Contains("bit_depth", reels.Problems("warning"));
        Assert.Contains("aspect_9_16", reels.Problems("warning"));
        var width = reels.Problem("width");
        Assert.Equal(3840, width.GetProperty("measured").GetDouble());
        Assert.Equal("≤ 1920", width.GetProperty("expected").GetString());
        Assert.Equal(120, reels.Problem("frame_rate").GetProperty("measured").GetDouble());
        Assert.Equal("between 23 and 60", reels.Problem("frame_rate").GetProperty("expected").GetString());
        Assert.False(string.IsNullOrWhiteSpace(width.GetProperty("remediation").GetString()));
        var x = await client.CompatibilityAsync(id, "x", "post");
        Assert.Contains("video_codec", x.Problems("error"));

        using (var tooShort = await client.PostAsJsonAsync($"/v2/media/{id}/conform", new { network = "instagram", placement = "reels" }))
        {
            Assert.Equal("not_conformable", await tooShort.AssertLibraryErrorAsync(HttpStatusCode.UnprocessableEntity));
        }

        var conformed = await client.ConformAsync(id, "tiktok", "video", "crop");

        await AssertPassesAsync(client, conformed, "tiktok", "video", "video/mp4");
        var specs = conformed.GetProperty("specs");
        Assert.Equal(1216, specs.GetProperty("width").GetInt32());
        Assert.Equal(2160, specs.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task Landscape_video_fits_reels_with_a_9_16_warning_and_conforms_by_crop_and_by_pad()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        var bytes = await SocialApi.MakeAsync(".mp4", ["-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=3.2", .. Sine, "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart"]);
        var id = await client.UploadReadyAsync("landscape.mp4", "video/mp4", bytes);

        var reels = await client.CompatibilityAsync(id, "instagram", "reels");

        Assert.True(reels.GetProperty("ok").GetBoolean());
        Assert.Empty(reels.Problems("error"));
        Assert.Equal(1.7778, reels.Problem("aspect_9_16").GetProperty("measured").GetDouble());
        var shorts = await client.CompatibilityAsync(id, "youtube", "shorts");
        Assert.Equal(["aspect_ratio"], shorts.Problems("error"));

        var cropped = await client.ConformAsync(id, "instagram", "reels", "crop");
        await AssertPassesAsync(client, cropped, "instagram", "reels", "video/mp4", warningsToo: true);
        Assert.Equal(202, cropped.GetProperty("specs").GetProperty("width").GetInt32());
        Assert.Equal(360, cropped.GetProperty("specs").GetProperty("height").GetInt32());

        var padded = await client.ConformAsync(id, "youtube", "shorts", "pad");
        await AssertPassesAsync(client, padded, "youtube", "shorts", "video/mp4");
        Assert.Equal(640, padded.GetProperty("specs").GetProperty("width").GetInt32());
        Assert.Equal(1138, padded.GetProperty("specs").GetProperty("height").GetInt32());

        // The same target with the same options is reused: ready at once, same file, no second job.
        using var again = await client.PostAsJsonAsync($"/v2/media/{id}/conform", new { network = "instagram", placement = "reels", fit = "crop" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var reused = (await again.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("SUCCESS", reused.GetProperty("status").GetString());
        Assert.Equal(cropped.GetProperty("specs").GetProperty("fileSizeBytes").GetInt64(), reused.GetProperty("specs").GetProperty("fileSizeBytes").GetInt64());
        var media = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();
        Assert.Equal(2, media.GetProperty("conformed").GetArrayLength());
    }

    [Fact]
    public async Task Two_second_clip_is_too_short_for_reels_and_cannot_be_conformed_but_fits_x()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        var bytes = await SocialApi.MakeAsync(".mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", .. Sine, "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart"]);
        var id = await client.UploadReadyAsync("two-seconds.mp4", "video/mp4", bytes);

        var reels = await client.CompatibilityAsync(id, "instagram", "reels");
        var x = await client.CompatibilityAsync(id, "x", "post");

        Assert.Equal(["duration"], reels.Problems("error"));
        Assert.Equal(2, reels.Problem("duration").GetProperty("measured").GetDouble(), 1);
        Assert.Equal("between 3 and 900", reels.Problem("duration").GetProperty("expected").GetString());
        Assert.True(x.GetProperty("ok").GetBoolean());
        using var refused = await client.PostAsJsonAsync($"/v2/media/{id}/conform", new { network = "instagram", placement = "reels", fit = "pad", trim = true });
        Assert.Equal("not_conformable", await refused.AssertLibraryErrorAsync(HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task Interlaced_clip_breaks_the_scan_rule_and_its_conformed_rendition_is_progressive()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        var bytes = await SocialApi.MakeAsync(".mp4", ["-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=3.2", .. Sine, "-shortest",
            "-vf", "setfield=tff", "-flags", "+ilme+ildct", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"]);
        var id = await client.UploadReadyAsync("interlaced.mp4", "video/mp4", bytes);

        var reels = await client.CompatibilityAsync(id, "instagram", "reels");

        Assert.Contains("scan", reels.Problems("error"));
        Assert.Equal("interlaced", reels.Problem("scan").GetProperty("measured").GetString());
        Assert.Contains("faststart", reels.Problems("error"));
        var conformed = await client.ConformAsync(id, "instagram", "reels", "pad");
        await AssertPassesAsync(client, conformed, "instagram", "reels", "video/mp4");
    }

    [Fact]
    public async Task Wide_png_breaks_the_feed_image_format_and_aspect_and_conforms_to_a_jpeg()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        var bytes = await SocialApi.MakeAsync(".png", "-f", "lavfi", "-i", "testsrc2=s=4000x1000", "-frames:v", "1");
        var id = await client.UploadReadyAsync("wide.png", "image/png", bytes);

        var feed = await client.CompatibilityAsync(id, "instagram", "feed");

        Assert.Equal("instagram-feed-image", feed.GetProperty("profile").GetString());
        Assert.Equal(["image_aspect_ratio", "image_format"], feed.Problems("error"));
        Assert.Equal("png", feed.Problem("image_format").GetProperty("measured").GetString());
        Assert.Equal(4, feed.Problem("image_aspect_ratio").GetProperty("measured").GetDouble());
        Assert.Equal(["image_width"], feed.Problems("warning"));
        var conformed = await client.ConformAsync(id, "instagram", "feed", "crop");
        await AssertPassesAsync(client, conformed, "instagram", "feed", "image/jpeg", warningsToo: true);
        Assert.Equal(1440, conformed.GetProperty("specs").GetProperty("width").GetInt32());
    }

    [Fact]
    public async Task Jpeg_of_12_mb_breaks_the_feed_image_size_and_conforms_within_8_mb()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        var bytes = await SocialApi.MakeAsync(".jpg", "-f", "lavfi", "-i", "nullsrc=s=3000x2400,geq=lum='random(1)*255':cb='random(2)*255':cr='random(3)*255'", "-frames:v", "1", "-q:v", "1", "-pix_fmt", "yuvj444p");
        Assert.InRange(bytes.Length, 10_000_000, 16_000_000);
        var id = await client.UploadReadyAsync("big.jpg", "image/jpeg", bytes);

        var feed = await client.CompatibilityAsync(id, "instagram", "feed");

        Assert.Equal(["image_file_size"], feed.Problems("error"));
        Assert.Equal("≤ 8", feed.Problem("image_file_size").GetProperty("expected").GetString());
        var conformed = await client.ConformAsync(id, "instagram", "feed", "pad");
        await AssertPassesAsync(client, conformed, "instagram", "feed", "image/jpeg");
        Assert.True(conformed.GetProperty("specs").GetProperty("fileSizeBytes").GetInt64() <= 8_000_000);
    }

    [Fact]
    public async Task List_filter_compatible_with_keeps_only_passing_media_and_pages_by_cursor_and_number()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        string[] fits = ["-f", "lavfi", "-i", "testsrc2=s=360x640:r=30:d=3.2", .. Sine, "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-movflags", "+faststart"];
        var first = await client.UploadReadyAsync("first.mp4", "video/mp4", await SocialApi.MakeAsync(".mp4", fits));
        await client.UploadReadyAsync("short.mp4", "video/mp4", await SocialApi.MakeAsync(".mp4", ["-f", "lavfi", "-i", "testsrc2=s=360x640:r=30:d=1", "-c:v", "libx264", "-preset", "ultrafast", "-movflags", "+faststart"]));
        await client.UploadReadyAsync("image.png", "image/png", await SocialApi.MakeAsync(".png", "-f", "lavfi", "-i", "testsrc2=s=64x64", "-frames:v", "1"));
        var second = await client.UploadReadyAsync("second.mp4", "video/mp4", await SocialApi.MakeAsync(".mp4", fits));

        var page1 = await (await client.GetAsync("/v2/media?compatibleWith=instagram:reels&limit=1")).ReadJsonAsync();
        var cursor = page1.GetProperty("pagination").GetProperty("nextCursor").GetString();
        var page2 = await (await client.GetAsync($"/v2/media?compatibleWith=instagram:reels&limit=1&cursor={cursor}")).ReadJsonAsync();
        var cursor2 = page2.GetProperty("pagination").GetProperty("nextCursor").GetString();
        var page3 = await (await client.GetAsync($"/v2/media?compatibleWith=instagram:reels&limit=1&cursor={cursor2}")).ReadJsonAsync();
        var numbered = await (await client.GetAsync("/v2/media?compatibleWith=instagram:reels&page=1&limit=10")).ReadJsonAsync();

        Assert.Equal(second, Ids(page1).Single());
        Assert.Equal(first, Ids(page2).Single());
        Assert.Empty(Ids(page3));
        Assert.Equal(JsonValueKind.Null, page3.GetProperty("pagination").GetProperty("nextCursor").ValueKind);
        Assert.Equal([second, first], Ids(numbered));
        Assert.Equal(2, numbered.GetProperty("pagination").GetProperty("total").GetInt32());
        using var unknown = await client.GetAsync("/v2/media?compatibleWith=myspace:wall");
        Assert.Equal("validation_error", await unknown.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        using var malformed = await client.GetAsync("/v2/media?compatibleWith=instagram");
        Assert.Equal("validation_error", await malformed.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Compatibility_answers_400_for_an_unknown_network_and_conform_400_for_a_bad_fit_or_a_target_without_a_profile()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _c = client;
        var id = await client.UploadReadyAsync("small.png", "image/png", await SocialApi.MakeAsync(".png", "-f", "lavfi", "-i", "testsrc2=s=64x64", "-frames:v", "1"));

        using var unknown = await client.GetAsync($"/v2/media/{id}/compatibility?network=myspace");
        using var badFit = await client.PostAsJsonAsync($"/v2/media/{id}/conform", new { network = "instagram", placement = "feed", fit = "stretch" });
        using var videoOnly = await client.PostAsJsonAsync($"/v2/media/{id}/conform", new { network = "instagram", placement = "reels" });
        using var missing = await client.GetAsync("/v2/media/AAAAAAAAAAAAAAAAAAAAAA/compatibility");
        var all = await (await client.GetAsync($"/v2/media/{id}/compatibility")).ReadJsonAsync();

        Assert.Equal("validation_error", await unknown.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("validation_error", await badFit.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("validation_error", await videoOnly.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("not_found", await missing.AssertLibraryErrorAsync(HttpStatusCode.NotFound));
        var profiles = all.GetProperty("data").GetProperty("networks").EnumerateArray().Select(n => n.GetProperty("profile").GetString()).ToList();
        Assert.Equal(["facebook-feed-image", "instagram-feed-image", "instagram-stories", "linkedin-image", "threads", "x-image"], profiles.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_tenants_media_is_404_on_compatibility_and_conform_and_nothing_is_queued()
    {
        var (owner, _) = await server.CreateApiKeyClientAsync();
        var (stranger, _) = await server.CreateApiKeyClientAsync();
        using var _o = owner;
        using var _s = stranger;
        var id = await owner.UploadReadyAsync("own.png", "image/png", await SocialApi.MakeAsync(".png", "-f", "lavfi", "-i", "testsrc2=s=64x64", "-frames:v", "1"));

        using var look = await stranger.GetAsync($"/v2/media/{id}/compatibility");
        using var conform = await stranger.PostAsJsonAsync($"/v2/media/{id}/conform", new { network = "instagram", placement = "feed", fit = "crop" });
        var own = await (await owner.GetAsync($"/v2/media/{id}")).ReadJsonAsync();

        Assert.Equal("not_found", await look.AssertLibraryErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("not_found", await conform.AssertLibraryErrorAsync(HttpStatusCode.NotFound));
        Assert.True(!own.TryGetProperty("conformed", out var conformed) || conformed.GetArrayLength() == 0, "the stranger's request conformed nothing");
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!)];

    /// <summary>The conformed file, uploaded again as a media of its own, is analysed afresh and passes its profile.</summary>
    private async Task AssertPassesAsync(HttpClient client, JsonElement conformed, string network, string placement, string type, bool warningsToo = false)
    {
        Assert.Equal("SUCCESS", conformed.GetProperty("status").GetString());
        Assert.Equal(type, conformed.GetProperty("specs").GetProperty("type").GetString());
        using var anonymous = server.CreateClient();
        var file = await anonymous.GetByteArrayAsync(conformed.GetProperty("path").GetString());
        Assert.Equal(conformed.GetProperty("specs").GetProperty("fileSizeBytes").GetInt64(), file.Length);
        var again = await client.UploadReadyAsync(type == "video/mp4" ? "conformed.mp4" : "conformed.jpg", type, file);
        var entry = await client.CompatibilityAsync(again, network, placement);
        Assert.True(entry.GetProperty("ok").GetBoolean(), string.Join(", ", entry.Problems("error")));
        if (warningsToo)
        {
            Assert.DoesNotContain(entry.Problems("warning"), w => w.Contains("aspect", StringComparison.Ordinal));
        }
    }
}
