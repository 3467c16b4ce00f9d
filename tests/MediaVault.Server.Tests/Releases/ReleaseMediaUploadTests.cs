using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases;

[Collection(ServerCollection.Name)]
public sealed class ReleaseMediaUploadTests(ServerFixture server)
{
    [Fact]
    public async Task Upload_returns_201_with_every_item_and_the_seed_message()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        var json = await client.UploadAsync(releaseId, "tone.mp3", "document.pdf");

        Assert.True(json.GetProperty("success").GetBoolean());
        Assert.Equal("2 files uploaded to release", json.GetProperty("message").GetString());
        var items = json.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["audio", "document"], items.Select(i => i.GetProperty("type").GetString()));
        var pdf = items[1];
        Assert.Equal("document.pdf", pdf.GetProperty("name").GetString());
        Assert.False(pdf.GetProperty("isLink").GetBoolean());
        Assert.Equal(JsonValueKind.Number, pdf.GetProperty("metadata").GetProperty("fileSize").ValueKind);
        Assert.Equal("application/pdf", pdf.GetProperty("metadata").GetProperty("mimeType").GetString());
        Assert.Equal("release", pdf.GetProperty("metadata").GetProperty("mediaType").GetString());
        Assert.Equal(JsonValueKind.String, pdf.GetProperty("metadata").GetProperty("uploadedAt").ValueKind);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(TestFiles.Bytes("document.pdf"))), pdf.GetProperty("metadata").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task CloudUrl_serves_the_stored_bytes_with_ranges()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var json = await client.UploadAsync(releaseId, "tone.mp3");
        var cloudUrl = json.GetProperty("data")[0].GetProperty("cloudUrl").GetString()!;
        using var anonymous = server.CreateClient();

        var bytes = await anonymous.GetByteArrayAsync(cloudUrl);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, cloudUrl);
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(10, 19);
        using var partial = await anonymous.SendAsync(ranged);

        Assert.Equal(TestFiles.Bytes("tone.mp3"), bytes);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(TestFiles.Bytes("tone.mp3")[10..20], await partial.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", partial.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_tampered_cloudUrl_is_403()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var cloudUrl = (await client.UploadAsync(releaseId, "tone.mp3")).GetProperty("data")[0].GetProperty("cloudUrl").GetString()!;
        using var anonymous = server.CreateClient();

        using var response = await anonymous.GetAsync(cloudUrl.Replace("exp=", "exp=9", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Upload_without_a_files_field_is_400()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        using var content = ReleaseApi.Files(("other", "tone.mp3", TestFiles.Bytes("tone.mp3")));

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);

        Assert.Equal("No files uploaded", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
    }

    [Fact]
    public async Task Upload_that_is_not_multipart_is_400()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var response = await client.PostAsJsonAsync($"/releases/{releaseId}/media/files", new { });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upload_of_an_empty_file_is_400_and_stores_nothing()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        using var content = ReleaseApi.Files(("files", "empty.mp3", []));

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);

        Assert.Contains("empty", await response.AssertErrorAsync(HttpStatusCode.BadRequest), StringComparison.OrdinalIgnoreCase);
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
    }

    [Fact]
    public async Task Upload_of_a_text_file_named_mp3_is_400_and_stores_nothing()
    {
        using var client = server.CreateTenantClient(out var tenant);
        var releaseId = await client.CreateReleaseAsync();

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("text-named.mp3"));

        Assert.Contains("not a supported media type", await response.AssertErrorAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
        Assert.Empty(await server.TenantFilesAsync(tenant));
        Assert.Empty(server.StagingFiles());
    }

    [Fact]
    public async Task A_request_with_one_bad_file_stores_none_of_its_files()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3", "text-named.mp3"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
    }

    [Fact]
    public async Task A_path_traversal_file_name_is_kept_as_its_last_segment_and_stored_by_id()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var escaped = Path.GetFullPath(Path.Combine(server.BlobRoot, "temporary", "..", "..", "x"));

        using var content = ReleaseApi.Files(("files", "../../x", TestFiles.Bytes("image.png")));
        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = (await response.ReadJsonAsync()).GetProperty("data")[0];
        Assert.Equal("x", item.GetProperty("name").GetString());
        Assert.False(File.Exists(escaped));
        var stored = Assert.Single(server.StoredOriginals(item.GetProperty("cloudId").GetString()!));
        Assert.StartsWith("temporary/", stored, StringComparison.Ordinal);
        Assert.EndsWith("/original", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_to_an_approved_release_is_400()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        await client.ApproveAndCompleteAsync(releaseId);

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Upload_to_a_submitted_release_is_400_and_to_a_rejected_one_is_201()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        using (await client.PostAsync($"/releases/{releaseId}/submit", null))
        {
        }

        using var submitted = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3"));
        using (await client.PostAsJsonAsync($"/releases/{releaseId}/review", new { action = "reject", feedback = "no" }))
        {
        }

        using var rejected = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3"));

        await submitted.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, rejected.StatusCode);
    }

    [Fact]
    public async Task Twenty_concurrent_uploads_to_one_release_are_all_stored_and_listed()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        var uploads = Enumerable.Range(0, 20).Select(async i =>
        {
            using var content = ReleaseApi.Files(("files", $"tone-{i}.mp3", TestFiles.Bytes("tone.mp3")));
            using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(uploads);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var media = await client.ListMediaAsync(releaseId);
        Assert.Equal(20, media.GetArrayLength());
        Assert.Equal(20, media.EnumerateArray().Select(m => m.GetProperty("name").GetString()).Distinct().Count());
        Assert.All(media.EnumerateArray(), m => Assert.Single(server.StoredOriginals(m.GetProperty("cloudId").GetString()!)));
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_upload_leaves_no_file_and_no_row()
    {
        using var client = server.CreateTenantClient(out var tenant);
        var releaseId = await client.CreateReleaseAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter;
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
            var stream = socket.GetStream();
            const string boundary = "cut-boundary";
            var head = $"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n";
            var request = $"POST /releases/{releaseId}/media/files HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {10_000_000}\r\n\r\n{head}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
            await stream.WriteAsync(TestFiles.Bytes("tone.mp3"));
            await stream.FlushAsync();
            await Task.Delay(300);
        }

        await Task.Delay(1000);
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
        Assert.Empty(server.StagingFiles());
        Assert.Empty(await server.TenantFilesAsync(tenant));
    }
}
