using System.Net;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Hostile;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// Uploads that try to make the media tools read another file (a local canary of a distinctive duration with a cover
/// picture, a text canary holding a random secret) or a remote one (a loopback listener): each ends failed, or is
/// refused at upload, and nothing of a canary shows in its metadata or renditions.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileUploadTests(ServerFixture server) : IAsyncLifetime
{
    private HostileCorpus _corpus = null!;

    public async Task InitializeAsync() => _corpus = await HostileCorpus.CreateAsync();

    public Task DisposeAsync()
    {
        _corpus.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Every_hostile_release_upload_ends_failed_or_is_refused_with_no_trace_of_a_canary()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var accepted = new List<string>();

        foreach (var (name, bytes) in _corpus.All)
        {
            using var content = ReleaseApi.Files(("files", name, bytes));
            using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{name}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Created)
            {
                accepted.Add(name);
            }
        }

        var media = await client.WaitProcessedAsync(releaseId);
        Assert.Superset(_corpus.Audio.Select(f => f.Name).ToHashSet(), accepted.ToHashSet());
        Assert.Equal(accepted.Count, media.GetArrayLength());
        foreach (var item in media.EnumerateArray())
        {
            var metadata = item.GetProperty("metadata");
            Assert.Equal("failed", metadata.GetProperty("state").GetString());
            AssertNoCanary(item);
            Assert.False(metadata.TryGetProperty("renditions", out var renditions) && renditions.GetArrayLength() > 0);
        }

        Assert.Equal(0, _corpus.Connections);
    }

    [Fact]
    public async Task A_disguised_playlist_through_the_library_ends_in_error_with_no_trace_of_the_canary()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _ = client;
        using var anonymous = server.CreateClient();
        var bytes = _corpus.Audio.Single(f => f.Name == "id3-hls-local.mp3").Bytes;
        var created = await client.CreateLibraryMediaAsync("a.mp3", "audio/mpeg", bytes.Length);
        var id = created.GetProperty("id").GetString()!;

        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, bytes))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        Assert.Equal("ERROR", media.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, media.GetProperty("specs").GetProperty("duration").ValueKind);
        AssertNoCanary(media);
    }

    [Fact]
    public async Task A_disguised_playlist_through_tus_ends_in_error_with_no_trace_of_the_canary()
    {
        using var client = server.CreateTenantClient(out _);
        var bytes = _corpus.Audio.Single(f => f.Name == "id3-hls-local.mp3").Bytes;
        var url = await client.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "a.mp3"), ("filetype", "audio/mpeg")));

        using var patch = await client.PatchChunkAsync(url, 0, bytes);

        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        var media = await client.WaitStatusAsync(patch.Header("Upload-Media-Id"), "SUCCESS", "ERROR");
        Assert.Equal("ERROR", media.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, media.GetProperty("specs").GetProperty("duration").ValueKind);
        AssertNoCanary(media);
    }

    private void AssertNoCanary(JsonElement media)
    {
        var text = media.GetRawText();
        Assert.DoesNotContain(_corpus.Secret, text, StringComparison.Ordinal);
        // The canary's duration (7.31 s) as a value of its own: not the seconds of a timestamp such as "…:17.3112Z".
        Assert.DoesNotMatch(@"(?<![0-9])7\.31", text);
        Assert.DoesNotContain("\"hls\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("waveform", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cover", text, StringComparison.Ordinal);
    }
}
