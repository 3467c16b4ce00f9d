using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.E2E;

/// <summary>
/// A page on a second loopback origin, in Debian's headless Chromium (tests/e2e/cors.e2e.mjs): stock Uppy uploads over
/// tus, fetch runs create → PUT uploadUrl → PATCH confirm, a <c>&lt;video crossorigin&gt;</c> plays the signed URL and a
/// ranged fetch reads its exposed headers; the same page on an origin the server does not allow fails both uploads.
/// </summary>
public sealed class CrossOriginBrowserTests(CorsServerFixture server) : IClassFixture<CorsServerFixture>
{
    [Fact]
    public async Task A_page_on_an_allowed_origin_uploads_with_uppy_and_the_library_flow_and_plays_the_video_and_a_refused_origin_cannot()
    {
        var tenant = "browser-" + Guid.NewGuid().ToString("N")[..8];
        var refusedTenant = "refused-" + Guid.NewGuid().ToString("N")[..8];

        var result = await CorsPageScript.RunAsync(server.BaseAddress, TestTokens.Create(tenant, ["admin"]), TestTokens.Create(refusedTenant, ["admin"]), server.PagePort);

        BrowserScript.AssertPassed(result);
        Assert.Equal(6, result.GetProperty("steps").GetArrayLength());
        var results = result.GetProperty("results");
        Assert.Equal(server.PageOrigin, results.GetProperty("allowedOrigin").GetString());
        using var client = server.CreateClientFor(tenant);
        foreach (var id in new[] { results.GetProperty("uppyMediaId").GetString(), results.GetProperty("libraryMediaId").GetString() })
        {
            using var media = await client.GetAsync($"/v2/media/{id}");
            Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        }

        // The refused origin's requests never got past their preflight: that tenant has nothing at all.
        using var refusedClient = server.CreateClientFor(refusedTenant);
        var refusedMedia = await (await refusedClient.GetAsync("/v2/media")).ReadJsonAsync();
        Assert.Equal(0, refusedMedia.GetProperty("data").GetArrayLength());
    }
}
