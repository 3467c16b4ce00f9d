using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases;

/// <summary>Every release answer that carries media matches the seed's Media schema strictly, before and after processing.</summary>
[Collection(ServerCollection.Name)]
public sealed class SeedSchemaTests(ServerFixture server)
{
    [Fact]
    public async Task Upload_answers_and_lists_of_fresh_media_match_the_seed_schema()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        var uploaded = await client.UploadAsync(releaseId, "tone.mp3", "image.png", "document.pdf");
        var fresh = await client.ListMediaAsync(releaseId);

        foreach (var item in uploaded.GetProperty("data").EnumerateArray())
        {
            SeedMediaSchema.AssertValid(item, uploadAnswer: true);
            Assert.False(item.GetProperty("metadata").TryGetProperty("processedAt", out _));
        }

        AssertAll(fresh);
        AssertAll(await client.WaitProcessedAsync(releaseId));
        Assert.All((await client.ListMediaAsync(releaseId)).EnumerateArray(), m =>
            Assert.Equal(JsonValueKind.String, m.GetProperty("metadata").GetProperty("processedAt").ValueKind));
    }

    [Fact]
    public async Task Link_and_track_media_match_the_seed_schema()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        using (var links = await client.PostAsJsonAsync($"/releases/{releaseId}/media/links", new { links = new[] { new { url = "https://example.com/cover.jpg", name = "Cover", type = "image" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, links.StatusCode);
            AssertAll((await links.ReadJsonAsync()).GetProperty("data"));
        }

        using var track = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "One" });
        var trackId = (await track.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();
        using (var content = ReleaseApi.Files(("file", "tone.wav", TestFiles.Bytes("tone.wav"))))
        using (var upload = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", content))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
            SeedMediaSchema.AssertValid((await upload.ReadJsonAsync()).GetProperty("data"));
        }

        using (var link = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks/{trackId}/media/link", new { url = "https://example.com/video.mp4", type = "video" }))
        {
            // A track holds one file or link; the second is refused, which is fine here: the first is checked below.
            Assert.True(link.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest);
        }

        AssertAll(await client.ListMediaAsync(releaseId));
        using var tracks = await client.GetAsync($"/releases/{releaseId}/tracks");
        foreach (var t in (await tracks.ReadJsonAsync()).GetProperty("data").EnumerateArray())
        {
            AssertAll(t.GetProperty("media"));
        }

        AssertAll(await client.WaitProcessedAsync(releaseId));
    }

    private static void AssertAll(JsonElement media)
    {
        Assert.True(media.GetArrayLength() > 0);
        foreach (var item in media.EnumerateArray())
        {
            SeedMediaSchema.AssertValid(item);
        }
    }
}
