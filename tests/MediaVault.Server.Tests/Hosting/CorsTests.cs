using System.Net;
using System.Net.Http.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>
/// CORS on a server allowing <see cref="CorsServerFixture.AppOrigin"/> and <see cref="CorsServerFixture.AdminOrigin"/>:
/// preflights on every API route family, answers readable by allowed origins only, and a tenant's own list narrowing them.
/// </summary>
public sealed class CorsTests(CorsServerFixture server) : IClassFixture<CorsServerFixture>
{
    private const string SomeId = "0192f3a4-5b6c-7d8e-9f00-112233445566";

    public static TheoryData<string, string, string> Routes => new()
    {
        { "/releases", "POST", "authorization,content-type" },
        { $"/releases/{SomeId}/media/files", "POST", "x-api-id,x-api-key" },
        { $"/releases/{SomeId}", "PUT", "authorization,content-type,if-match" },
        { "/rest/api/medias", "POST", "authorization,x-flowkiwi-organization-id" },
        { $"/rest/api/products/{SomeId}", "PATCH", "authorization,content-type,x-flowkiwi-organization-id" },
        { "/rest/api/medias", "GET", "authorization,x-flowkiwi-organization-id,if-none-match" },
        { "/v2/media", "POST", "authorization,content-type" },
        { $"/v2/media/{SomeId}", "PATCH", "authorization" },
        { $"/v2/media/{SomeId}", "DELETE", "x-api-id,x-api-key" },
        { $"/v2/media/{SomeId}/upload", "PUT", "content-type" },
        { "/uploads", "POST", "authorization,tus-resumable,upload-length,upload-metadata,upload-defer-length,upload-checksum,content-type" },
        { "/uploads/abc", "PATCH", "authorization,tus-resumable,upload-offset,upload-checksum,content-type" },
        { "/uploads/abc", "HEAD", "authorization,tus-resumable" },
        { "/uploads/abc", "DELETE", "x-api-id,x-api-key,tus-resumable" },
        { "/uploads/abc", "POST", "authorization,tus-resumable,x-http-method-override,upload-offset,upload-concat" },
        { $"/files/{SomeId}", "GET", "range,if-none-match" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_preflight_from_an_allowed_origin_is_204_and_grants_the_method_and_headers_without_credentials(string path, string method, string headers)
    {
        using var client = server.CreateClient();

        using var response = await PreflightAsync(client, path, CorsServerFixture.AppOrigin, method, headers);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(CorsServerFixture.AppOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains(method, List(response, "Access-Control-Allow-Methods"));
        Assert.All(headers.Split(','), h => Assert.Contains(h, List(response, "Access-Control-Allow-Headers"), StringComparer.OrdinalIgnoreCase));
        Assert.Equal("7200", Header(response, "Access-Control-Max-Age"));
        Assert.Contains("Origin", response.Headers.Vary);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Theory]
    [InlineData("/v2/media", "POST")]
    [InlineData("/uploads", "POST")]
    [InlineData("/rest/api/medias", "GET")]
    [InlineData("/files/" + SomeId, "GET")]
    public async Task A_preflight_from_an_origin_not_allowed_is_204_without_permission(string path, string method)
    {
        using var client = server.CreateClient();

        using var response = await PreflightAsync(client, path, CorsServerFixture.OtherOrigin, method, "authorization");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Headers"));
    }

    [Fact]
    public async Task Origins_match_as_browsers_send_them_and_routes_outside_the_api_get_no_preflight_answer()
    {
        using var client = server.CreateClient();

        using var upperCase = await PreflightAsync(client, "/v2/media", "HTTPS://APP.EXAMPLE", "POST", "authorization");
        using var otherPort = await PreflightAsync(client, "/v2/media", "https://app.example:8443", "POST", "authorization");
        using var webPageApi = await PreflightAsync(client, "/api/session", CorsServerFixture.AppOrigin, "GET", "authorization");

        Assert.Equal("HTTPS://APP.EXAMPLE", Header(upperCase, "Access-Control-Allow-Origin"));
        Assert.False(otherPort.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.NotEqual(HttpStatusCode.NoContent, webPageApi.StatusCode);
        Assert.False(webPageApi.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Library_answers_are_readable_by_an_allowed_origin_with_the_api_headers_exposed()
    {
        using var client = server.CreateClientFor(Tenant());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v2/media") { Content = JsonContent.Create(new { name = "clip.webm", type = "video/webm", fileSize = 10 }) };
        request.Headers.Add("Origin", CorsServerFixture.AppOrigin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(CorsServerFixture.AppOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Superset(new HashSet<string>(["ETag", "Location", "Link", "WWW-Authenticate", "Retry-After"]), List(response, "Access-Control-Expose-Headers").ToHashSet());
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task A_refused_answer_such_as_401_is_still_readable_so_the_page_can_tell_why()
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rest/api/medias");
        request.Headers.Add("Origin", CorsServerFixture.AdminOrigin);
        request.Headers.Add("X-Flowkiwi-Organization-Id", "nobody");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(CorsServerFixture.AdminOrigin, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_origin_not_allowed_gets_the_answer_without_cors_headers_and_every_answer_varies_by_origin()
    {
        using var client = server.CreateClientFor(Tenant());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/media");
        request.Headers.Add("Origin", CorsServerFixture.OtherOrigin);

        using var refused = await client.SendAsync(request);
        using var sameOrigin = await client.GetAsync("/v2/media");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(refused.Headers.Contains("Access-Control-Expose-Headers"));
        Assert.Contains("Origin", refused.Headers.Vary);
        Assert.Contains("Origin", sameOrigin.Headers.Vary);
    }

    [Fact]
    public async Task Tus_answers_expose_the_protocol_headers_and_its_discovery_options_still_work_cross_origin()
    {
        using var client = server.CreateClientFor(Tenant());
        using var create = new HttpRequestMessage(HttpMethod.Post, "/uploads");
        create.Headers.Add("Origin", CorsServerFixture.AppOrigin);
        create.Headers.Add("Tus-Resumable", "1.0.0");
        create.Headers.Add("Upload-Length", "10");
        create.Headers.Add("Upload-Metadata", TusApi.Metadata(("filename", "a.webm"), ("filetype", "video/webm")));
        using var discovery = new HttpRequestMessage(HttpMethod.Options, "/uploads");
        discovery.Headers.Add("Origin", CorsServerFixture.AppOrigin);

        using var created = await client.SendAsync(create);
        using var options = await client.SendAsync(discovery);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(CorsServerFixture.AppOrigin, Header(created, "Access-Control-Allow-Origin"));
        Assert.Superset(
            new HashSet<string>(["Location", "Upload-Offset", "Upload-Length", "Tus-Resumable", "Upload-Expires", "Upload-Media-Id", "Upload-Metadata", "Tus-Version", "Tus-Extension", "Tus-Max-Size", "Tus-Checksum-Algorithm"]),
            List(created, "Access-Control-Expose-Headers").ToHashSet());
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("1.0.0", Header(options, "Tus-Version"));
        Assert.NotNull(Header(options, "Tus-Extension"));
        Assert.Equal(CorsServerFixture.AppOrigin, Header(options, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Signed_file_answers_expose_range_and_validator_headers()
    {
        using var client = server.CreateClientFor(Tenant());
        var created = await client.CreateLibraryMediaAsync("image.jpg", "image/jpeg");
        using (var put = await client.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.jpg")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var id = created.GetProperty("id").GetString()!;
        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        using var request = new HttpRequestMessage(HttpMethod.Get, media.GetProperty("path").GetString());
        request.Headers.Add("Origin", CorsServerFixture.AppOrigin);
        request.Headers.Range = new(0, 9);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(CorsServerFixture.AppOrigin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Superset(
            new HashSet<string>(["Content-Range", "Content-Disposition", "ETag", "Accept-Ranges", "Content-Length"]),
            List(response, "Access-Control-Expose-Headers").ToHashSet());
    }

    [Fact]
    public async Task A_tenant_list_narrows_the_deployment_list_for_its_answers_but_not_for_preflights()
    {
        var tenant = Tenant();
        var shown = await server.SetTenantOriginsAsync(tenant, CorsServerFixture.AdminOrigin);
        using var client = server.CreateClientFor(tenant);

        using var narrowedOut = await GetAsync(client, "/v2/media", CorsServerFixture.AppOrigin);
        using var kept = await GetAsync(client, "/v2/media", CorsServerFixture.AdminOrigin);
        using var preflight = await PreflightAsync(client, "/v2/media", CorsServerFixture.AppOrigin, "GET", "authorization");

        Assert.Contains(CorsServerFixture.AdminOrigin, shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, narrowedOut.StatusCode);
        Assert.False(narrowedOut.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(CorsServerFixture.AdminOrigin, Header(kept, "Access-Control-Allow-Origin"));
        Assert.Equal(CorsServerFixture.AppOrigin, Header(preflight, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_tenant_cannot_widen_the_deployment_list_and_none_allows_no_origin()
    {
        var widening = Tenant();
        var closed = Tenant();
        await server.SetTenantOriginsAsync(widening, CorsServerFixture.OtherOrigin, CorsServerFixture.AppOrigin);
        await server.SetTenantOriginsAsync(closed, "--none");
        using var wideningClient = server.CreateClientFor(widening);
        using var closedClient = server.CreateClientFor(closed);

        using var other = await GetAsync(wideningClient, "/v2/media", CorsServerFixture.OtherOrigin);
        using var app = await GetAsync(wideningClient, "/v2/media", CorsServerFixture.AppOrigin);
        using var none = await GetAsync(closedClient, "/v2/media", CorsServerFixture.AppOrigin);

        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(CorsServerFixture.AppOrigin, Header(app, "Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.False(none.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static string Tenant() => "cors-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient client, string path, string origin, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static List<string> List(HttpResponseMessage response, string name) =>
        (Header(response, name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}
