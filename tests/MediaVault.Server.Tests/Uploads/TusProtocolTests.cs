using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Uploads;

[Collection(ServerCollection.Name)]
public sealed class TusProtocolTests(ServerFixture server)
{
    [Fact]
    public async Task Options_advertises_version_extensions_and_limits()
    {
        using var client = server.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/uploads"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("1.0.0", response.Header("Tus-Version"));
        Assert.Equal("1.0.0", response.Header("Tus-Resumable"));
        Assert.Contains("checksum", response.Header("Tus-Extension"), StringComparison.Ordinal);
        Assert.Contains("creation-with-upload", response.Header("Tus-Extension"), StringComparison.Ordinal);
        Assert.True(long.Parse(response.Header("Tus-Max-Size"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("sha256", response.Header("Tus-Checksum-Algorithm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsupported_version_is_412()
    {
        using var client = server.CreateTenantClient(out _);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/uploads");
        request.Headers.Add("Tus-Resumable", "0.2.2");
        request.Headers.Add("Upload-Length", "10");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("1.0.0", response.Header("Tus-Version"));
    }

    [Fact]
    public async Task Chunks_append_at_the_offset_and_the_last_one_makes_a_processed_library_media()
    {
        using var client = server.CreateTenantClient(out _);
        var bytes = TestFiles.Bytes("tone.mp3");
        var url = await client.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "tone.mp3"), ("filetype", "audio/mpeg")));

        using var first = await client.PatchChunkAsync(url, 0, bytes[..10_000], TusApi.Sha1Checksum(bytes[..10_000]));
        using var head = await client.HeadUploadAsync(url);
        using var stale = await client.PatchChunkAsync(url, 0, bytes[..10]);
        using var last = await client.PatchChunkAsync(url, 10_000, bytes[10_000..], TusApi.Sha256Checksum(bytes[10_000..]));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("10000", first.Header("Upload-Offset"));
        Assert.Equal("10000", head.Header("Upload-Offset"));
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), head.Header("Upload-Length"));
        Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
        Assert.False(string.IsNullOrEmpty(head.Header("Upload-Expires")));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var mediaId = last.Header("Upload-Media-Id");
        Assert.False(string.IsNullOrEmpty(mediaId));
        var media = await client.WaitStatusAsync(mediaId, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        Assert.Equal("tone.mp3", media.GetProperty("name").GetString());
        using var anonymous = server.CreateClient();
        Assert.Equal(bytes, await anonymous.GetByteArrayAsync(media.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task A_checksum_mismatch_is_460_and_the_chunk_is_discarded()
    {
        using var client = server.CreateTenantClient(out _);
        var bytes = TestFiles.Bytes("image.png");
        var url = await client.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "image.png")));

        using var bad = await client.PatchChunkAsync(url, 0, bytes, TusApi.Sha256Checksum([1, 2, 3]));
        using var head = await client.HeadUploadAsync(url);
        using var unsupported = await client.PatchChunkAsync(url, 0, bytes, "md5 AAAA");

        Assert.Equal(460, (int)bad.StatusCode);
        Assert.Equal("0", head.Header("Upload-Offset"));
        Assert.Equal(HttpStatusCode.BadRequest, unsupported.StatusCode);
    }

    [Fact]
    public async Task Creation_with_upload_and_a_deferred_length_work()
    {
        using var client = server.CreateTenantClient(out _);
        var bytes = TestFiles.Bytes("image.jpg");

        using var created = await client.CreateUploadAsync(null, TusApi.Metadata(("filename", "image.jpg")), bytes[..500]);
        var url = created.Headers.Location!.OriginalString;
        using var head = await client.HeadUploadAsync(url);
        using var rest = await client.PatchChunkAsync(url, 500, bytes[500..], length: bytes.Length);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("500", created.Header("Upload-Offset"));
        Assert.Equal("1", head.Header("Upload-Defer-Length"));
        Assert.Equal(HttpStatusCode.NoContent, rest.StatusCode);
        Assert.False(string.IsNullOrEmpty(rest.Header("Upload-Media-Id")));
    }

    [Fact]
    public async Task Termination_removes_the_upload()
    {
        using var client = server.CreateTenantClient(out _);
        var url = await client.CreateUploadUrlAsync(1000, TusApi.Metadata(("filename", "x.png")));
        using (await client.PatchChunkAsync(url, 0, TestFiles.Bytes("image.png")[..100]))
        {
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        using var deleted = await client.SendAsync(request);
        using var head = await client.HeadUploadAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_upload_is_404_for_head_patch_and_delete()
    {
        using var owner = server.CreateTenantClient(out _);
        using var stranger = server.CreateTenantClient(out _);
        var url = await owner.CreateUploadUrlAsync(100, TusApi.Metadata(("filename", "x.png")));

        using var head = await stranger.HeadUploadAsync(url);
        using var patch = await stranger.PatchChunkAsync(url, 0, new byte[10]);
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        using var delete = await stranger.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.HeadUploadAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_chunk_past_the_length_is_413_and_method_override_works()
    {
        using var client = server.CreateTenantClient(out _);
        var url = await client.CreateUploadUrlAsync(10, TusApi.Metadata(("filename", "x.png")));

        using var tooLong = await client.PatchChunkAsync(url, 0, new byte[11]);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("X-HTTP-Method-Override", "HEAD");
        using var overridden = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        Assert.Equal("0", overridden.Header("Upload-Offset"));
    }

    [Fact]
    public async Task Bad_content_is_refused_on_completion_with_the_surfaces_error()
    {
        using var client = server.CreateTenantClient(out var tenant);
        var bytes = TestFiles.Bytes("notes.txt");
        var url = await client.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "notes.mp3")));

        using var response = await client.PatchChunkAsync(url, 0, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a supported media type", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await server.TenantFilesAsync(tenant));
    }

    [Fact]
    public async Task Release_targets_must_exist_and_be_editable_and_finished_uploads_join_the_release()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var bytes = TestFiles.Bytes("tone.mp3");

        using var unknown = await client.CreateUploadAsync(bytes.Length, TusApi.Metadata(("filename", "a.mp3"), ("target", "release"), ("releaseId", Guid.NewGuid().ToString())));
        var url = await client.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "a.mp3"), ("target", "release"), ("releaseId", releaseId)));
        using var done = await client.PatchChunkAsync(url, 0, bytes);
        var approved = await client.CreateReleaseAsync();
        await client.ApproveAndCompleteAsync(approved);
        using var closed = await client.CreateUploadAsync(bytes.Length, TusApi.Metadata(("filename", "a.mp3"), ("target", "release"), ("releaseId", approved)));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var media = Assert.Single((await client.ListMediaAsync(releaseId)).EnumerateArray());
        Assert.Equal(done.Header("Upload-Media-Id"), media.GetProperty("cloudId").GetString());
        Assert.Equal("temporary", media.GetProperty("metadata").GetProperty("storage").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
    }

    [Fact]
    public async Task A_pending_library_media_can_be_filled_by_a_resumable_upload()
    {
        using var client = server.CreateTenantClient(out _);
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png");
        var id = created.GetProperty("id").GetString()!;
        var bytes = TestFiles.Bytes("image.png");

        using var wrongLength = await client.CreateUploadAsync(bytes.Length + 1, TusApi.Metadata(("target", "media"), ("mediaId", id)));
        var url = await client.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("target", "media"), ("mediaId", id)));
        using var done = await client.PatchChunkAsync(url, 0, bytes);

        Assert.Equal(HttpStatusCode.BadRequest, wrongLength.StatusCode);
        Assert.Equal(id, done.Header("Upload-Media-Id"));
        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Concurrent_patches_to_one_upload_let_one_win()
    {
        using var client = server.CreateTenantClient(out _);
        var url = await client.CreateUploadUrlAsync(20_000_000, TusApi.Metadata(("filename", "big.bin")));
        var chunk = new byte[5_000_000];

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await client.PatchChunkAsync(url, 0, chunk);
            return response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.NoContent));
        Assert.All(statuses.Where(s => s != HttpStatusCode.NoContent), s => Assert.True(s is HttpStatusCode.Conflict or HttpStatusCode.Locked, s.ToString()));
        Assert.Equal("5000000", (await client.HeadUploadAsync(url)).Header("Upload-Offset"));
    }
}
