using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>The default, no <c>Cors:AllowedOrigins</c>: preflights are answered (no more 405) but grant nothing, answers carry no CORS headers.</summary>
[Collection(ServerCollection.Name)]
public sealed class CorsDefaultTests(ServerFixture server)
{
    [Theory]
    [InlineData("/v2/media", "POST")]
    [InlineData("/uploads", "POST")]
    [InlineData("/releases", "GET")]
    [InlineData("/files/0192f3a4-5b6c-7d8e-9f00-112233445566", "GET")]
    public async Task Without_allowed_origins_a_preflight_is_204_and_grants_nothing(string path, string method)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://app.example");
        request.Headers.Add("Access-Control-Request-Method", method);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_allowed_origins_answers_carry_no_cors_headers_and_tus_discovery_is_unchanged()
    {
        using var client = server.CreateTenantClient(out _);
        using var list = new HttpRequestMessage(HttpMethod.Get, "/v2/media");
        list.Headers.Add("Origin", "https://app.example");
        using var discovery = new HttpRequestMessage(HttpMethod.Options, "/uploads");

        using var listed = await client.SendAsync(list);
        using var options = await client.SendAsync(discovery);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.DoesNotContain(listed.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Origin", listed.Headers.Vary);
        Assert.Equal(HttpStatusCode.NoContent, options.StatusCode);
        Assert.Equal("1.0.0", options.Headers.GetValues("Tus-Version").Single());
        Assert.Equal("1.0.0", options.Headers.GetValues("Tus-Resumable").Single());
    }
}
