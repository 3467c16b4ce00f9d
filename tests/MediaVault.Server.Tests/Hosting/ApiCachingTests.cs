using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>ETag, If-None-Match → 304, Cache-Control and Vary on every API read, on all three surfaces.</summary>
[Collection(ServerCollection.Name)]
public sealed class ApiCachingTests(ServerFixture server)
{
    [Fact]
    public async Task Reading_an_unchanged_resource_again_with_its_etag_is_304_with_no_body_on_every_surface()
    {
        using var reads = await ApiReads.CreateAsync(server);
        foreach (var (client, path) in reads.Routes().Where(r => !r.Path.Contains("/products/", StringComparison.Ordinal) && !r.Path.Contains("/variants/", StringComparison.Ordinal)))
        {
            await AssertRevalidatesAsync(client, path);
        }
    }

    [Fact]
    public async Task A_changed_resource_answers_200_with_a_new_etag()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync("Before");
        using var first = await client.GetAsync($"/releases/{releaseId}");
        var etag = first.Headers.ETag!;

        using (var update = await client.PutAsJsonAsync($"/releases/{releaseId}", new { title = "After" }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/releases/{releaseId}");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(etag, second.Headers.ETag);
        Assert.Contains("After", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_of_other_bytes_does_not_match_and_a_star_does()
    {
        using var client = server.CreateTenantClient(out _);
        using var page = await client.GetAsync("/v2/media");
        var tag = page.Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v2/media?limit=5");
        request.Headers.IfNoneMatch.Add(tag);
        using var other = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(tag, other.Headers.ETag);

        using var any = new HttpRequestMessage(HttpMethod.Get, "/v2/media");
        any.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        using var star = await client.SendAsync(any);
        Assert.Equal(HttpStatusCode.NotModified, star.StatusCode);
    }

    /// <summary>
    /// Reads twice, the second time with the first answer's ETag. A resource may change between the reads (a rendition
    /// job finishing, a signing window rolling over): then the answer must be a 200 with other bytes and another tag,
    /// and the pair is tried again.
    /// </summary>
    private static async Task AssertRevalidatesAsync(HttpClient client, string path)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var first = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.True(etag is { IsWeak: true }, $"{path}: a weak ETag");
            AssertCachingHeaders(first, path);
            var body = await first.Content.ReadAsByteArrayAsync();

            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.IfNoneMatch.Add(etag);
            using var second = await client.SendAsync(request);
            var again = await second.Content.ReadAsByteArrayAsync();
            if (second.StatusCode == HttpStatusCode.NotModified)
            {
                Assert.Empty(again);
                Assert.Equal(etag, second.Headers.ETag);
                AssertCachingHeaders(second, path);
                return;
            }

            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.NotEqual(etag, second.Headers.ETag);
            Assert.NotEqual(body, again);
            await Task.Delay(250);
        }

        Assert.Fail($"{path} never answered 304");
    }

    private static void AssertCachingHeaders(HttpResponseMessage response, string path)
    {
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, $"{path}: Cache-Control {response.Headers.CacheControl}");
        var vary = response.Headers.Vary.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Superset(new HashSet<string>(["Accept", "Accept-Encoding", "Authorization", "X-API-ID", "X-API-KEY"], StringComparer.OrdinalIgnoreCase), vary);
        if (path.StartsWith("/rest/api", StringComparison.Ordinal))
        {
            Assert.Contains(CatalogApi.OrgHeader, vary);
        }
    }
}
