using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.ScaleOut;

/// <summary>
/// <c>Library:DirectToBucket</c> from a browser: a page on another origin PUTs the bytes straight to the S3 bucket
/// through the presigned uploadUrl, which the bucket's CORS rules (set by <c>storage cors</c>) allow. Scale-out run only.
/// </summary>
public sealed class DirectToBucketBrowserTests(DirectToBucketBrowserFixture server) : IClassFixture<DirectToBucketBrowserFixture>
{
    [Fact]
    public async Task Storage_cors_gives_the_bucket_the_deployments_origins_and_a_refused_origin_no_permission()
    {
        if (!server.Runs)
        {
            return;
        }

        // The gateway keeps a rule's origins as a sorted set.
        var rules = server.BucketRules.TrimEnd().Split('\t');
        Assert.Equal("bucket", rules[0]);
        Assert.Equal(
            new[] { CorsServerFixture.AppOrigin, CorsServerFixture.AdminOrigin, server.PageOrigin }.Order(StringComparer.Ordinal),
            rules[1].Split(' ').Order(StringComparer.Ordinal));
        using var client = server.CreateClientFor("bucket-" + Guid.NewGuid().ToString("N")[..8]);
        var uploadUrl = (await client.CreateLibraryMediaAsync("image.png", "image/png")).GetProperty("uploadUrl").GetString()!;
        Assert.StartsWith(TestBackends.S3Url!, uploadUrl, StringComparison.Ordinal);

        using var bucket = new HttpClient();
        using var allowed = await bucket.SendAsync(Preflight(uploadUrl, server.PageOrigin));
        using var refused = await bucket.SendAsync(Preflight(uploadUrl, CorsServerFixture.OtherOrigin));

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(server.PageOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", string.Join(',', allowed.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_page_on_an_allowed_origin_puts_its_library_upload_straight_into_the_bucket()
    {
        if (!server.Runs)
        {
            return;
        }

        var tenant = "bucketpage-" + Guid.NewGuid().ToString("N")[..8];
        var refusedTenant = "refused-" + Guid.NewGuid().ToString("N")[..8];

        var result = await CorsPageScript.RunAsync(server.BaseAddress, TestTokens.Create(tenant, ["admin"]), TestTokens.Create(refusedTenant, ["admin"]), server.PagePort);

        BrowserScript.AssertPassed(result);
        using var client = server.CreateClientFor(tenant);
        var media = await client.WaitStatusAsync(result.GetProperty("results").GetProperty("libraryMediaId").GetString()!, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
    }

    private static HttpRequestMessage Preflight(string url, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
