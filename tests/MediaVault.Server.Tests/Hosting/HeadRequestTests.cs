using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>HEAD on every GET route answers the GET's status and headers without a body (RFC 9110 §9.3.2).</summary>
[Collection(ServerCollection.Name)]
public sealed class HeadRequestTests(ServerFixture server)
{
    [Fact]
    public async Task Head_on_every_get_route_answers_the_gets_status_and_headers_without_a_body()
    {
        using var reads = await ApiReads.CreateAsync(server);
        using var anonymous = server.CreateClient();
        IEnumerable<(HttpClient Client, string Path)> routes =
        [
            .. reads.Routes(),
            (anonymous, reads.FileUrl),
            (anonymous, "/releases"),
            (anonymous, "/openapi/v1.json"),
            (anonymous, "/health/live"),
            (anonymous, "/"),
        ];
        foreach (var (client, path) in routes)
        {
            await AssertHeadMirrorsGetAsync(client, path);
        }
    }

    private static async Task AssertHeadMirrorsGetAsync(HttpClient client, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var get = await client.GetAsync(path);
            var body = await get.Content.ReadAsByteArrayAsync();
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            var headBody = await head.Content.ReadAsByteArrayAsync();

            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
            Assert.Equal(get.StatusCode, head.StatusCode);
            Assert.Empty(headBody);
            Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
            // A max-age counts down to a signed URL's expiry: a second may pass between the two requests.
            Assert.Equal(get.Headers.CacheControl?.Private, head.Headers.CacheControl?.Private);
            Assert.Equal(get.Headers.CacheControl?.NoCache, head.Headers.CacheControl?.NoCache);
            Assert.InRange((head.Headers.CacheControl?.MaxAge - get.Headers.CacheControl?.MaxAge)?.TotalSeconds ?? 0, -1, 0);
            // The tag (and the length) follow the bytes: a rendition job may have changed them between the two requests.
            if (!Equals(get.Headers.ETag, head.Headers.ETag) && attempt < 10)
            {
                await Task.Delay(250);
                continue;
            }

            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            if (get.Content.Headers.ContentLength is { } length)
            {
                Assert.Equal(body.Length, length);
                Assert.Equal(length, head.Content.Headers.ContentLength);
            }

            return;
        }
    }
}
