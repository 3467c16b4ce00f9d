using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases;

[Collection(ServerCollection.Name)]
public sealed class ReleaseMediaListTests(ServerFixture server)
{
    [Fact]
    public async Task List_returns_the_seed_media_schema_with_its_json_types()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        await client.UploadAsync(releaseId, "tone.mp3");

        var media = await client.WaitProcessedAsync(releaseId);

        var item = Assert.Single(media.EnumerateArray());
        Assert.Equal(JsonValueKind.String, item.GetProperty("cloudId").ValueKind);
        Assert.StartsWith("http://", item.GetProperty("cloudUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("audio", item.GetProperty("type").GetString());
        Assert.Equal("tone.mp3", item.GetProperty("name").GetString());
        Assert.False(item.GetProperty("isLink").GetBoolean());
        Assert.Equal(JsonValueKind.String, item.GetProperty("releasePath").ValueKind);
        var metadata = item.GetProperty("metadata");
        Assert.Equal(JsonValueKind.Number, metadata.GetProperty("duration").ValueKind);
        Assert.InRange(metadata.GetProperty("duration").GetDouble(), 1.9, 2.2);
        Assert.Equal("128", metadata.GetProperty("bitrate").GetString());
        Assert.Equal("44100", metadata.GetProperty("sampleRate").GetString());
        Assert.Equal("2", metadata.GetProperty("channels").GetString());
        Assert.Equal("mp3", metadata.GetProperty("codec").GetString());
        Assert.Equal(JsonValueKind.Number, metadata.GetProperty("fileSize").ValueKind);
        Assert.Equal(TestFiles.Bytes("tone.mp3").Length, metadata.GetProperty("fileSize").GetInt64());
        Assert.Equal("audio/mpeg", metadata.GetProperty("mimeType").GetString());
        Assert.True(DateTime.TryParse(metadata.GetProperty("processedAt").GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out _));
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal("USRC17607839", metadata.GetProperty("tags").GetProperty("isrc").GetString());
    }

    [Fact]
    public async Task List_includes_release_files_links_and_track_media()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        await client.UploadAsync(releaseId, "image.png");
        using (var links = await client.PostAsJsonAsync($"/releases/{releaseId}/media/links", new { links = new[] { new { url = "https://example.com/cover.jpg", name = "Cover", type = "image" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, links.StatusCode);
        }

        using var track = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "One" });
        var trackId = (await track.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();
        using (var content = ReleaseApi.Files(("file", "tone.wav", TestFiles.Bytes("tone.wav"))))
        using (var upload = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", content))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var media = await client.ListMediaAsync(releaseId);

        Assert.Equal(3, media.GetArrayLength());
        var link = media.EnumerateArray().Single(m => m.GetProperty("isLink").GetBoolean());
        Assert.Equal("https://example.com/cover.jpg", link.GetProperty("cloudUrl").GetString());
        Assert.Equal(JsonValueKind.Null, link.GetProperty("releasePath").ValueKind);
        Assert.Equal(JsonValueKind.False, link.GetProperty("metadata").GetProperty("linkValidated").ValueKind);
        Assert.Contains(media.EnumerateArray(), m => m.GetProperty("metadata").GetProperty("mediaType").GetString() == "track" && m.GetProperty("type").GetString() == "audio");
    }

    [Fact]
    public async Task List_of_another_tenants_release_is_404()
    {
        using var owner = server.CreateTenantClient(out _);
        using var stranger = server.CreateTenantClient(out _);
        var releaseId = await owner.CreateReleaseAsync();

        using var response = await stranger.GetAsync($"/releases/{releaseId}/media");

        await response.AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_with_a_non_uuid_release_id_is_400()
    {
        using var client = server.CreateTenantClient(out _);

        using var response = await client.GetAsync("/releases/not-a-uuid/media");

        Assert.Equal("Invalid release ID", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task List_of_an_unknown_release_is_404()
    {
        using var client = server.CreateTenantClient(out _);

        using var response = await client.GetAsync($"/releases/{Guid.NewGuid()}/media");

        Assert.Equal("Release not found", await response.AssertErrorAsync(HttpStatusCode.NotFound));
    }
}
