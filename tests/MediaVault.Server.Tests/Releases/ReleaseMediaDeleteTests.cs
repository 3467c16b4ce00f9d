using System.Net;
using System.Net.Http.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases;

[Collection(ServerCollection.Name)]
public sealed class ReleaseMediaDeleteTests(ServerFixture server)
{
    [Fact]
    public async Task Delete_returns_the_seed_body_and_removes_the_stored_file()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var mediaId = (await client.UploadAsync(releaseId, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudId").GetString()!;
        await client.WaitProcessedAsync(releaseId);
        Assert.NotEmpty(server.StoredFiles(mediaId));

        using var response = await client.DeleteAsync($"/releases/{releaseId}/media/{mediaId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"success":true,"message":"Media deleted successfully"}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(server.StoredFiles(mediaId));
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
    }

    [Fact]
    public async Task Delete_makes_the_media_url_stop_working()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var item = (await client.UploadAsync(releaseId, "image.png")).GetProperty("data")[0];
        using var anonymous = server.CreateClient();

        using (await client.DeleteAsync($"/releases/{releaseId}/media/{item.GetProperty("cloudId").GetString()}"))
        {
        }

        using var response = await anonymous.GetAsync(item.GetProperty("cloudUrl").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Delete_of_an_unknown_media_is_404()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var response = await client.DeleteAsync($"/releases/{releaseId}/media/NoSuchMedia0000000000");

        Assert.Equal("Media not found", await response.AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Delete_of_another_tenants_media_is_404_and_keeps_it()
    {
        using var owner = server.CreateTenantClient(out _);
        using var stranger = server.CreateTenantClient(out _);
        var releaseId = await owner.CreateReleaseAsync();
        var mediaId = (await owner.UploadAsync(releaseId, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudId").GetString()!;
        var strangerRelease = await stranger.CreateReleaseAsync();

        using var direct = await stranger.DeleteAsync($"/releases/{releaseId}/media/{mediaId}");
        using var viaOwnRelease = await stranger.DeleteAsync($"/releases/{strangerRelease}/media/{mediaId}");

        await direct.AssertErrorAsync(HttpStatusCode.NotFound);
        await viaOwnRelease.AssertErrorAsync(HttpStatusCode.NotFound);
        Assert.Single((await owner.ListMediaAsync(releaseId)).EnumerateArray());
        Assert.NotEmpty(server.StoredFiles(mediaId));
    }

    [Fact]
    public async Task Delete_of_a_media_attached_to_another_release_of_the_same_tenant_is_404()
    {
        using var client = server.CreateTenantClient(out _);
        var first = await client.CreateReleaseAsync();
        var second = await client.CreateReleaseAsync();
        var mediaId = (await client.UploadAsync(first, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudId").GetString()!;

        using var response = await client.DeleteAsync($"/releases/{second}/media/{mediaId}");

        await response.AssertErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_while_the_release_is_submitted_is_400()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var mediaId = (await client.UploadAsync(releaseId, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudId").GetString()!;
        using (await client.PostAsync($"/releases/{releaseId}/submit", null))
        {
        }

        using var response = await client.DeleteAsync($"/releases/{releaseId}/media/{mediaId}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(server.StoredFiles(mediaId));
    }

    [Fact]
    public async Task Ten_concurrent_deletes_of_one_media_give_one_200_and_nine_404_and_leave_storage_clean()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var mediaId = (await client.UploadAsync(releaseId, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudId").GetString()!;

        var deletes = Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await client.DeleteAsync($"/releases/{releaseId}/media/{mediaId}");
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(deletes);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(9, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Empty(server.StoredFiles(mediaId));
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
    }

    [Fact]
    public async Task Delete_of_a_track_media_frees_the_track_for_a_new_file()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        using var track = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "One" });
        var trackId = (await track.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();
        string mediaId;
        using (var content = ReleaseApi.Files(("file", "tone.mp3", TestFiles.Bytes("tone.mp3"))))
        using (var upload = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", content))
        {
            mediaId = (await upload.ReadJsonAsync()).GetProperty("data").GetProperty("cloudId").GetString()!;
        }

        using var deleted = await client.DeleteAsync($"/releases/{releaseId}/media/{mediaId}");
        using var again = ReleaseApi.Files(("file", "tone.wav", TestFiles.Bytes("tone.wav")));
        using var reupload = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", again);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reupload.StatusCode);
    }
}
