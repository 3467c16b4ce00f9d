using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Library;

[Collection(ServerCollection.Name)]
public sealed class LibraryMediaTests(ServerFixture server)
{
    [Fact]
    public async Task Create_upload_confirm_poll_preview_and_delete_with_an_api_key()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync();
        using var _ = client;
        using var anonymous = server.CreateClient();

        var created = await client.CreateLibraryMediaAsync("image.jpg", "image/jpeg");
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(id, created.GetProperty("mediaLibId").GetString());
        Assert.Equal("PROCESSING", created.GetProperty("status").GetString());
        var expires = created.GetProperty("uploadExpiresAt").GetDateTime();
        Assert.InRange(expires, DateTime.UtcNow.AddMinutes(14), DateTime.UtcNow.AddMinutes(16));

        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.jpg")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var beforeConfirm = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();
        Assert.Equal("PROCESSING", beforeConfirm.GetProperty("status").GetString());
        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        Assert.Equal("image.jpg", media.GetProperty("name").GetString());
        Assert.Equal("image/jpeg", media.GetProperty("type").GetString());
        var specs = media.GetProperty("specs");
        Assert.Equal(64, specs.GetProperty("width").GetInt32());
        Assert.Equal(48, specs.GetProperty("height").GetInt32());
        Assert.Equal(JsonValueKind.Null, specs.GetProperty("duration").ValueKind);
        Assert.Equal(TestFiles.Bytes("image.jpg").Length, specs.GetProperty("fileSizeBytes").GetInt64());
        Assert.Equal(JsonValueKind.String, media.GetProperty("createdAt").ValueKind);
        Assert.Equal(TestFiles.Bytes("image.jpg"), await anonymous.GetByteArrayAsync(media.GetProperty("path").GetString()));
        var preview = await anonymous.GetByteArrayAsync(media.GetProperty("preview").GetString());
        Assert.Equal("RIFF"u8.ToArray(), preview[..4]);
        Assert.Contains("thumb-1024.webp", (await client.WaitPreviewAsync(id, "thumb-1024.webp")).GetProperty("preview").GetString());
        Assert.True(server.StoredFiles(id).Count >= 3);

        using var deleted = await client.DeleteAsync($"/v2/media/{id}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("""{"success":true,"message":"Media deleted successfully"}""", await deleted.Content.ReadAsStringAsync());
        Assert.Empty(server.StoredFiles(id));
        Assert.Equal("not_found", await (await client.GetAsync($"/v2/media/{id}")).AssertLibraryErrorAsync(HttpStatusCode.NotFound));
        using var oldPreview = await anonymous.GetAsync(media.GetProperty("preview").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, oldPreview.StatusCode);
        Assert.NotNull(tenant);
    }

    [Theory]
    [InlineData("""{"name":"a.jpg","type":"image/jpeg"}""")]
    [InlineData("""{"name":"a.jpg","type":"image/jpeg","fileSize":-5}""")]
    [InlineData("""{"name":"a.jpg","type":"image/jpeg","fileSize":99999999999999}""")]
    [InlineData("""{"name":"a.exe","type":"application/x-msdownload","fileSize":10}""")]
    [InlineData("""{"name":"a.jpg","type":"image/jpeg","fileSize":"big"}""")]
    [InlineData("""{"type":"image/jpeg","fileSize":10}""")]
    [InlineData("""{"name":"  ","type":"image/jpeg","fileSize":10}""")]
    [InlineData("""{"name":"a.jpg","fileSize":10}""")]
    public async Task Create_with_a_bad_name_size_or_type_is_400(string body)
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;

        using var response = await client.PostAsync("/v2/media", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal("validation_error", await response.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
    }

    [Theory]
    [InlineData("video/matroska", "video/x-matroska")]
    [InlineData("video/webm; codecs=\"vp8\"", "video/webm")]
    [InlineData("VIDEO/X-MATROSKA", "video/x-matroska")]
    public async Task Create_accepts_the_common_aliases_of_an_allowed_type_and_the_content_decides(string declared, string canonical)
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _ = client;
        using var anonymous = server.CreateClient();

        using var response = await client.PostAsJsonAsync("/v2/media", new { name = "clip.mkv", type = declared, fileSize = TestFiles.Bytes("clip.webm").Length });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        Assert.Equal(canonical, created.GetProperty("type").GetString());
        var id = created.GetProperty("id").GetString()!;
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("clip.webm")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        Assert.Equal("video/webm", media.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_tampered_or_expired_upload_url_is_403()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        using var anonymous = server.CreateClient();
        var url = (await client.CreateLibraryMediaAsync("image.png", "image/png")).GetProperty("uploadUrl").GetString()!;
        var expired = System.Text.RegularExpressions.Regex.Replace(url, "exp=\\d+", "exp=1000");

        using var tampered = await anonymous.PutBytesAsync(url[..^2] + "xx", TestFiles.Bytes("image.png"));
        using var old = await anonymous.PutBytesAsync(expired, TestFiles.Bytes("image.png"));

        await tampered.AssertLibraryErrorAsync(HttpStatusCode.Forbidden);
        await old.AssertLibraryErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_short_upload_cannot_be_confirmed_but_can_be_uploaded_again()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png");
        var id = created.GetProperty("id").GetString()!;
        var url = created.GetProperty("uploadUrl").GetString()!;
        var bytes = TestFiles.Bytes("image.png");

        using (await anonymous.PutBytesAsync(url, bytes[..100]))
        {
        }

        using var shortConfirm = await client.PatchAsync($"/v2/media/{id}", null);
        await shortConfirm.AssertLibraryErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal("PROCESSING", (await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
        using var again = await anonymous.PutBytesAsync(url, bytes);
        using var thirdPut = await anonymous.PutBytesAsync(url, bytes);
        using var confirm = await client.PatchAsync($"/v2/media/{id}", null);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("already_uploaded", await thirdPut.AssertLibraryErrorAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
    }

    [Fact]
    public async Task A_longer_upload_than_declared_is_413_and_keeps_nothing()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png", fileSize: 100);

        using var response = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.png"));

        Assert.Equal("payload_too_large", await response.AssertLibraryErrorAsync(HttpStatusCode.RequestEntityTooLarge));
        Assert.Empty(await server.TenantFilesAsync(tenant));
    }

    [Fact]
    public async Task Confirm_before_upload_is_409_and_confirm_twice_is_harmless()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync("tone.mp3", "audio/mpeg");
        var id = created.GetProperty("id").GetString()!;

        using var early = await client.PatchAsync($"/v2/media/{id}", null);
        using (await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("tone.mp3")))
        {
        }

        using var first = await client.PatchAsync($"/v2/media/{id}", null);
        using var second = await client.PatchAsync($"/v2/media/{id}", null);

        Assert.Equal("not_uploaded", await early.AssertLibraryErrorAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        Assert.InRange(media.GetProperty("specs").GetProperty("duration").GetDouble(), 1.9, 2.2);
    }

    [Fact]
    public async Task Content_that_contradicts_the_declared_type_is_400_and_its_bytes_are_gone()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync("tone.mp3", "image/jpeg");
        var id = created.GetProperty("id").GetString()!;
        using (await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("tone.mp3")))
        {
        }

        using var confirm = await client.PatchAsync($"/v2/media/{id}", null);

        await confirm.AssertLibraryErrorAsync(HttpStatusCode.BadRequest);
        Assert.Empty(await server.TenantFilesAsync(tenant));
        Assert.Equal("PROCESSING", (await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_declared_sha256_must_match()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        using var anonymous = server.CreateClient();
        var wrong = Convert.ToHexStringLower(SHA256.HashData([1, 2, 3]));
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png", sha256: wrong);
        using (await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.png")))
        {
        }

        using var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null);

        Assert.Contains("sha256", (await confirm.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Foreign_and_unknown_ids_are_404_on_every_operation()
    {
        var (owner, _) = await server.CreateApiKeyClientAsync();
        var (stranger, _) = await server.CreateApiKeyClientAsync();
        using var a = owner;
        using var b = stranger;
        var id = (await owner.CreateLibraryMediaAsync("image.png", "image/png")).GetProperty("id").GetString()!;

        foreach (var response in new[]
        {
            await stranger.GetAsync($"/v2/media/{id}"),
            await stranger.PatchAsync($"/v2/media/{id}", null),
            await stranger.DeleteAsync($"/v2/media/{id}"),
            await owner.GetAsync($"/v2/media/{Guid.NewGuid()}"),
        })
        {
            using (response)
            {
                Assert.Equal("not_found", await response.AssertLibraryErrorAsync(HttpStatusCode.NotFound));
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/v2/media/{id}")).StatusCode);
    }

    [Fact]
    public async Task Missing_credentials_are_401_in_the_library_shape()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/v2/media/{Guid.NewGuid()}");

        Assert.Equal("unauthorized", await response.AssertLibraryErrorAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_dropped_put_leaves_no_partial_object()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        var created = await client.CreateLibraryMediaAsync("tone.wav", "audio/wav", fileSize: 5_000_000);
        var url = new Uri(created.GetProperty("uploadUrl").GetString()!);

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(url.Host, url.Port);
            var stream = socket.GetStream();
            var head = $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: 5000000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(TestFiles.Bytes("tone.wav"));
            await stream.FlushAsync();
            await Task.Delay(300);
        }

        await Task.Delay(1000);
        Assert.Empty(await server.TenantFilesAsync(tenant));
        Assert.Empty(server.StagingFiles());
        using var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null);
        await confirm.AssertLibraryErrorAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_list_pages_and_filters_by_type_and_status()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        await client.CreateLibraryMediaAsync("image.png", "image/png");
        await client.CreateLibraryMediaAsync("tone.mp3", "audio/mpeg");
        await client.CreateLibraryMediaAsync("image.jpg", "image/jpeg");

        var images = await (await client.GetAsync("/v2/media?type=image&limit=1&page=2")).ReadJsonAsync();
        var done = await (await client.GetAsync("/v2/media?status=SUCCESS&page=1")).ReadJsonAsync();
        using var bad = await client.GetAsync("/v2/media?status=LOST");

        Assert.Equal(2, images.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Single(images.GetProperty("data").EnumerateArray());
        Assert.Equal(0, done.GetProperty("pagination").GetProperty("total").GetInt32());
        await bad.AssertLibraryErrorAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Keyset_paging_walks_every_media_once_newest_first()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.CreateLibraryMediaAsync("image.png", "image/png")).GetProperty("id").GetString()!);
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            // No page and no cursor is the first keyset page.
            var page = await (await client.GetAsync(cursor is null ? "/v2/media?limit=2" : $"/v2/media?limit=2&cursor={cursor}")).ReadJsonAsync();
            seen.AddRange(page.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            Assert.Equal(JsonValueKind.Null, page.GetProperty("pagination").GetProperty("total").ValueKind);
            cursor = page.GetProperty("pagination").GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(created.Order(), seen.Order());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        using var bad = await client.GetAsync("/v2/media?cursor=%%%");
        Assert.Equal("validation_error", await bad.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Deleting_a_library_media_listed_by_a_product_drops_it_from_the_list()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png");
        var id = created.GetProperty("id").GetString()!;
        using (await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.png")))
        using (await client.PatchAsync($"/v2/media/{id}", null))
        {
        }

        using var catalog = server.CreateClientFor(tenant, "admin");
        catalog.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, tenant);
        using var product = await catalog.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"P","medias":["/rest/api/medias/{{id}}"]}""");
        var productIri = (await product.ReadJsonAsync()).GetProperty("@id").GetString();

        using var deleted = await client.DeleteAsync($"/v2/media/{id}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty((await (await catalog.GetAsync(productIri)).ReadJsonAsync()).GetProperty("medias").EnumerateArray());
    }
}
