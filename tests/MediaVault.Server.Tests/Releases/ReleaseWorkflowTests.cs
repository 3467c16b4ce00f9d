using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases;

[Collection(ServerCollection.Name)]
public sealed class ReleaseWorkflowTests(ServerFixture server)
{
    [Fact]
    public async Task Create_returns_201_with_a_draft_release_and_its_tracks()
    {
        using var client = server.CreateTenantClient(out _);

        using var response = await client.PostAsJsonAsync("/releases", new
        {
            title = "Album",
            displayArtist = "Band",
            format = "album",
            type = "Audio",
            mainGenre = new[] { "Rock" },
            artists = new Dictionary<string, string> { ["Band"] = "primary" },
            tracks = new[] { new { title = "Intro" }, new { title = "Outro" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.True(json.GetProperty("success").GetBoolean());
        var data = json.GetProperty("data");
        Assert.Equal("draft", data.GetProperty("status").GetString());
        Assert.Equal("Album", data.GetProperty("format").GetString());
        Assert.Equal("Rock", data.GetProperty("mainGenre")[0].GetString());
        Assert.Equal([1, 2], data.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("trackNumber").GetInt32()));
        Assert.Equal(JsonValueKind.Array, data.GetProperty("media").ValueKind);
    }

    [Theory]
    [InlineData("""{"displayArtist":"No title"}""")]
    [InlineData("""{"title":"T","format":"Cassette"}""")]
    [InlineData("""{"title":"T","releaseDate":"tomorrow"}""")]
    [InlineData("""{"title":""")]
    public async Task Create_with_invalid_fields_is_400(string body)
    {
        using var client = server.CreateTenantClient(out _);

        using var response = await client.PostAsync("/releases", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task List_filters_searches_and_pages()
    {
        using var client = server.CreateTenantClient(out _);
        for (var i = 0; i < 3; i++)
        {
            await client.CreateReleaseAsync($"Summer {i}");
        }

        await client.CreateReleaseAsync(extra: new { title = "Winter", format = "EP" });

        var page = (await (await client.GetAsync("/releases?search=summer&limit=2&page=2")).ReadJsonAsync()).GetProperty("data");
        var eps = (await (await client.GetAsync("/releases?format=EP")).ReadJsonAsync()).GetProperty("data");
        using var badStatus = await client.GetAsync("/releases?status=lost");

        Assert.Equal(3, page.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("pagination").GetProperty("totalPages").GetInt32());
        Assert.Single(page.GetProperty("releases").EnumerateArray());
        Assert.Equal("Winter", Assert.Single(eps.GetProperty("releases").EnumerateArray()).GetProperty("title").GetString());
        await badStatus.AssertErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Update_is_allowed_only_while_draft_or_rejected()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var draft = await client.PutAsJsonAsync($"/releases/{releaseId}", new { title = "Renamed" });
        using (await client.PostAsync($"/releases/{releaseId}/submit", null))
        {
        }

        using var submitted = await client.PutAsJsonAsync($"/releases/{releaseId}", new { title = "Again" });

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal("Renamed", (await draft.ReadJsonAsync()).GetProperty("data").GetProperty("title").GetString());
        await submitted.AssertErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Submit_reject_resubmit_and_approve_follow_the_documented_messages()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var submit = await client.PostAsync($"/releases/{releaseId}/submit", null);
        using var resubmitWhileSubmitted = await client.PostAsync($"/releases/{releaseId}/submit", null);
        using var reject = await client.PostAsJsonAsync($"/releases/{releaseId}/review", new { action = "reject", feedback = "Fix the cover" });
        using var resubmit = await client.PostAsync($"/releases/{releaseId}/submit", null);
        using var badAction = await client.PostAsJsonAsync($"/releases/{releaseId}/review", new { action = "maybe" });
        using var approve = await client.PostAsync($"/releases/{releaseId}/approve", null);

        Assert.Equal("Release submitted for review successfully", (await submit.ReadJsonAsync()).GetProperty("message").GetString());
        await resubmitWhileSubmitted.AssertErrorAsync(HttpStatusCode.BadRequest);
        var rejected = await reject.ReadJsonAsync();
        Assert.Equal("Release rejected successfully", rejected.GetProperty("message").GetString());
        Assert.Equal("Fix the cover", rejected.GetProperty("data").GetProperty("feedback").GetString());
        Assert.Equal(HttpStatusCode.OK, resubmit.StatusCode);
        await badAction.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Release approved successfully", (await approve.ReadJsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Approval_moves_every_file_to_permanent_storage_byte_for_byte_and_completes_the_release()
    {
        using var client = server.CreateTenantClient(out _);
        using var anonymous = server.CreateClient();
        var releaseId = await client.CreateReleaseAsync();
        using var track = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "One" });
        var trackId = (await track.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();
        using (var content = ReleaseApi.Files(("file", "tone.mp3", TestFiles.Bytes("tone.mp3"))))
        using (await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", content))
        {
        }

        await client.UploadAsync(releaseId, "image.jpg", "document.pdf");
        var before = await client.WaitProcessedAsync(releaseId);
        var bytesBefore = new Dictionary<string, byte[]>();
        foreach (var media in before.EnumerateArray())
        {
            bytesBefore[media.GetProperty("cloudId").GetString()!] = await anonymous.GetByteArrayAsync(media.GetProperty("cloudUrl").GetString());
        }

        await client.ApproveAndCompleteAsync(releaseId);

        var after = await client.ListMediaAsync(releaseId);
        Assert.Equal(3, after.GetArrayLength());
        foreach (var media in after.EnumerateArray())
        {
            var id = media.GetProperty("cloudId").GetString()!;
            Assert.Equal(JsonValueKind.Null, media.GetProperty("releasePath").ValueKind);
            Assert.Equal("permanent", media.GetProperty("metadata").GetProperty("storage").GetString());
            Assert.Equal(bytesBefore[id], await anonymous.GetByteArrayAsync(media.GetProperty("cloudUrl").GetString()));
            Assert.Single(server.StoredOriginals(id));
            Assert.All(server.StoredFiles(id), f => Assert.StartsWith("permanent/", f, StringComparison.Ordinal));
        }

        var release = (await (await client.GetAsync($"/releases/{releaseId}")).ReadJsonAsync()).GetProperty("data");
        Assert.Equal("completed", release.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, release.GetProperty("completedAt").ValueKind);
    }

    [Fact]
    public async Task Revert_status_follows_the_admin_transitions()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        await client.ApproveAndCompleteAsync(releaseId);

        using var missingReason = await client.PostAsJsonAsync($"/releases/{releaseId}/revert-status", new { targetStatus = "draft" });
        using var wrongTarget = await client.PostAsJsonAsync($"/releases/{releaseId}/revert-status", new { targetStatus = "submitted", reason = "x" });
        using var toDraft = await client.PostAsJsonAsync($"/releases/{releaseId}/revert-status", new { targetStatus = "draft", reason = "Fix artwork" });

        await missingReason.AssertErrorAsync(HttpStatusCode.BadRequest);
        await wrongTarget.AssertErrorAsync(HttpStatusCode.BadRequest);
        var json = await toDraft.ReadJsonAsync();
        Assert.Equal("Release status reverted to \"draft\" successfully", json.GetProperty("message").GetString());
        Assert.Equal("draft", json.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("completed", json.GetProperty("data").GetProperty("previousStatus").GetString());
        Assert.Equal("Fix artwork", json.GetProperty("data").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_track_takes_one_audio_or_video_file_only()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        using var created = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "One", isrc = "USRC17607839" });
        var trackId = (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();

        using var image = ReleaseApi.Files(("file", "image.png", TestFiles.Bytes("image.png")));
        using var imageResponse = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", image);
        using var video = ReleaseApi.Files(("file", "clip.mp4", TestFiles.Bytes("clip.mp4")));
        using var videoResponse = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", video);
        using var second = ReleaseApi.Files(("file", "tone.mp3", TestFiles.Bytes("tone.mp3")));
        using var secondResponse = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", second);
        using var link = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks/{trackId}/media/link", new { url = "https://example.com/a.mp3", type = "audio" });
        using var unknownTrack = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks/{Guid.NewGuid()}/media/link", new { url = "https://example.com/a.mp3", type = "audio" });

        await imageResponse.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, videoResponse.StatusCode);
        var videoJson = await videoResponse.ReadJsonAsync();
        Assert.Equal("Media uploaded successfully", videoJson.GetProperty("message").GetString());
        Assert.Equal("video", videoJson.GetProperty("data").GetProperty("type").GetString());
        await secondResponse.AssertErrorAsync(HttpStatusCode.BadRequest);
        await link.AssertErrorAsync(HttpStatusCode.BadRequest);
        await unknownTrack.AssertErrorAsync(HttpStatusCode.NotFound);
        var tracks = (await (await client.GetAsync($"/releases/{releaseId}/tracks")).ReadJsonAsync()).GetProperty("data");
        var only = Assert.Single(tracks.EnumerateArray());
        Assert.Equal("USRC17607839", only.GetProperty("isrc").GetString());
        Assert.Single(only.GetProperty("media").EnumerateArray());
    }

    [Fact]
    public async Task Links_are_created_with_the_documented_message_and_bad_urls_are_400()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var created = await client.PostAsJsonAsync($"/releases/{releaseId}/media/links", new
        {
            links = new[] { new { url = "https://example.com/master.wav", name = "Master", type = "audio" }, new { url = "https://example.com/art.png", name = "Art", type = "image" } },
        });
        using var badUrl = await client.PostAsJsonAsync($"/releases/{releaseId}/media/links", new { links = new[] { new { url = "ftp://x/y", name = "x", type = "audio" } } });
        using var empty = await client.PostAsJsonAsync($"/releases/{releaseId}/media/links", new { links = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var json = await created.ReadJsonAsync();
        Assert.Equal("Media uploaded successfully", json.GetProperty("message").GetString());
        Assert.Equal(2, json.GetProperty("data").GetArrayLength());
        Assert.True(json.GetProperty("data")[0].GetProperty("isLink").GetBoolean());
        await badUrl.AssertErrorAsync(HttpStatusCode.BadRequest);
        await empty.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await client.ListMediaAsync(releaseId)).GetArrayLength());
    }

    [Fact]
    public async Task Another_tenants_release_is_404_on_every_endpoint()
    {
        using var owner = server.CreateTenantClient(out _);
        using var stranger = server.CreateTenantClient(out _);
        var releaseId = await owner.CreateReleaseAsync();

        using var get = await stranger.GetAsync($"/releases/{releaseId}");
        using var put = await stranger.PutAsJsonAsync($"/releases/{releaseId}", new { title = "Mine now" });
        using var submit = await stranger.PostAsync($"/releases/{releaseId}/submit", null);
        using var upload = await stranger.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3"));
        using var tracks = await stranger.GetAsync($"/releases/{releaseId}/tracks");

        foreach (var response in new[] { get, put, submit, upload, tracks })
        {
            await response.AssertErrorAsync(HttpStatusCode.NotFound);
        }
    }
}
