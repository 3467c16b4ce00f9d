using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.E2E;

/// <summary>The web page's files and the two endpoints it adds (<c>/api/session</c>, <c>/api/media/{id}</c>), over HTTP.</summary>
[Collection(ServerCollection.Name)]
public sealed class WebPageTests(ServerFixture server)
{
    [Fact]
    public async Task Root_serves_the_library_page_and_its_modules()
    {
        using var client = server.CreateClient();

        using var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<main", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/docs\"", html, StringComparison.Ordinal);
        using var script = await client.GetAsync("/js/app.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Session_names_the_tenant_subject_and_permissions_and_is_401_without_credentials()
    {
        using var client = server.CreateTenantClient(out var tenant, "media:read", "releases:read");
        using var anonymous = server.CreateClient();

        var session = await (await client.GetAsync("/api/session")).ReadJsonAsync();
        using var refused = await anonymous.GetAsync("/api/session");

        Assert.Equal(tenant, session.GetProperty("tenant").GetString());
        Assert.Equal("test-user", session.GetProperty("subject").GetString());
        Assert.Equal(["media:read", "releases:read"], session.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("""{"status":"error","message":"Unauthorized"}""", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Session_works_with_an_api_key_pair()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync("media:read");
        using var _ = client;

        var session = await (await client.GetAsync("/api/session")).ReadJsonAsync();

        Assert.Equal(tenant, session.GetProperty("tenant").GetString());
        Assert.Equal(["media:read"], session.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Media_detail_has_metadata_renditions_and_usages_and_is_404_for_another_tenant()
    {
        using var client = server.CreateTenantClient(out var tenant);
        using var other = server.CreateTenantClient(out _);
        using var anonymous = server.CreateClient();
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, tenant);
        var id = await UploadReadyImageAsync(client);
        using (var product = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"Mug","sku":"MUG-1","medias":["/rest/api/medias/{{id}}"]}"""))
        {
            Assert.Equal(HttpStatusCode.Created, product.StatusCode);
        }

        var detail = await (await client.GetAsync($"/api/media/{id}")).ReadJsonAsync();
        using var foreign = await other.GetAsync($"/api/media/{id}");
        using var unknown = await client.GetAsync("/api/media/does-not-exist");
        using var refused = await anonymous.GetAsync($"/api/media/{id}");

        Assert.Equal("image", detail.GetProperty("kind").GetString());
        Assert.Equal("ready", detail.GetProperty("state").GetString());
        Assert.Equal("image/jpeg", detail.GetProperty("mimeType").GetString());
        Assert.Equal(TestFiles.Bytes("image.jpg").Length, detail.GetProperty("size").GetInt64());
        Assert.Equal(64, detail.GetProperty("metadata").GetProperty("width").GetInt32());
        Assert.Equal(64, detail.GetProperty("sha256").GetString()!.Length);
        Assert.Equal(TestFiles.Bytes("image.jpg"), await anonymous.GetByteArrayAsync(detail.GetProperty("url").GetString()));
        var rendition = detail.GetProperty("renditions").EnumerateArray().First();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(rendition.GetProperty("url").GetString())).StatusCode);
        var usage = Assert.Single(detail.GetProperty("usages").EnumerateArray());
        Assert.Equal("product", usage.GetProperty("kind").GetString());
        Assert.StartsWith("/rest/api/products/", usage.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Library_list_q_filters_by_name_case_insensitively()
    {
        using var client = server.CreateTenantClient(out _);
        await client.CreateLibraryMediaAsync("Summer-Cover.jpg", "image/jpeg", fileSize: 10);
        await client.CreateLibraryMediaAsync("winter.jpg", "image/jpeg", fileSize: 10);

        var matched = await (await client.GetAsync("/v2/media?q=COVER&page=1")).ReadJsonAsync();
        var all = await (await client.GetAsync("/v2/media")).ReadJsonAsync();

        Assert.Equal(["Summer-Cover.jpg"], matched.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(1, matched.GetProperty("pagination").GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Media_detail_is_403_without_media_read()
    {
        using var client = server.CreateTenantClient(out _, "releases:read");

        using var response = await client.GetAsync("/api/media/anything");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> UploadReadyImageAsync(HttpClient client)
    {
        var created = await client.CreateLibraryMediaAsync("image.jpg", "image/jpeg");
        var id = created.GetProperty("id").GetString()!;
        using (var put = await client.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.jpg")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        Assert.Equal("SUCCESS", (await client.WaitStatusAsync(id, "SUCCESS", "ERROR")).GetProperty("status").GetString());
        return id;
    }
}
