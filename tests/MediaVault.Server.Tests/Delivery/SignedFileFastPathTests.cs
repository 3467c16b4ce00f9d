using System.Net;
using MediaVault.Core.Storage;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Delivery;

/// <summary>
/// <see cref="SignedFileMiddleware"/> answers a URL the delivery lookup remembers before routing; its answers must be the
/// endpoint's, header for header and byte for byte, and it must never serve what the endpoint would refuse.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SignedFileFastPathTests(ServerFixture server)
{
    [Theory]
    [InlineData("image.png")] // bytes kept in memory
    [InlineData("tone.mp3")] // over 16 KiB: sent from the file
    [InlineData("document.pdf")] // an attachment
    public async Task A_remembered_url_is_answered_as_the_endpoint_answers_it(string sample)
    {
        var (url, bytes) = await UploadAsync(sample);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var (first, second) = await TwiceAsync(method, url);

            Assert.Equal(HttpStatusCode.OK, first.Status);
            AssertSameAnswer(first, second);
            Assert.Equal(method == HttpMethod.Get ? bytes : [], second.Body);
        }
    }

    [Fact]
    public async Task A_remembered_rendition_url_is_answered_as_the_endpoint_answers_it()
    {
        var (url, _) = await UploadAsync("image.jpg");
        using var client = server.CreateClient();
        using var made = await client.GetAsync(url + "&preset=thumb");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var mediaId = new Uri(url).AbsolutePath.Split('/').Last();
        var signer = server.Services.GetRequiredService<MediaUrlSigner>();
        var rendition = $"/files/{mediaId}?{signer.SignQuery(mediaId, "v-256x256-inside-q80.webp", StorageArea.Temporary)}";

        var (first, second) = await TwiceAsync(HttpMethod.Get, rendition);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("image/webp", first.Headers["Content-Type"]);
        AssertSameAnswer(first, second);
        Assert.Equal(await made.Content.ReadAsByteArrayAsync(), second.Body);
    }

    [Fact]
    public async Task A_remembered_url_whose_file_is_gone_is_refused_as_before()
    {
        if (!TestBackends.UsesFileSystem)
        {
            // Answers are remembered only where the file can be checked cheaply (a local store).
            return;
        }

        var (url, _) = await UploadAsync("image.png");
        using var client = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var mediaId = new Uri(url).AbsolutePath.Split('/').Last();
        var remembered = server.Services.GetRequiredService<DeliveryLookup>().Recall(mediaId, null);
        Assert.NotNull(remembered);
        var media = remembered.Media;
        await server.Services.GetRequiredService<IBlobStore>().DeleteAsync(BlobKey.Original(media.Area, media.TenantId, media.Id), CancellationToken.None);

        using var gone = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, gone.StatusCode);
        Assert.Equal("This link is invalid or has expired", (await gone.ReadJsonAsync()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_remembered_url_with_a_bad_signature_or_a_condition_goes_to_the_endpoint()
    {
        var (url, bytes) = await UploadAsync("image.png");
        using var client = server.CreateClient();
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;

        using var forged = await client.GetAsync(url.Replace("sig=", "sig=x", StringComparison.Ordinal));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(conditional);
        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 9);
        using var slice = await client.SendAsync(ranged);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(HttpStatusCode.PartialContent, slice.StatusCode);
        Assert.Equal(bytes[..10], await slice.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_genuine_but_expired_url_for_a_remembered_answer_is_refused()
    {
        var (url, _) = await UploadAsync("image.png");
        var mediaId = new Uri(url).AbsolutePath.Split('/').Last();
        var past = new MediaUrlSigner(server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>(), new ShiftedClock(TimeSpan.FromDays(-3)));
        var expired = $"/files/{mediaId}?{past.SignQuery(mediaId, null, StorageArea.Temporary)}";
        using var client = server.CreateClient();
        var (first, second) = await TwiceAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, second.Status);

        using var refused = await client.GetAsync(expired);
        using var again = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.Body, await again.Content.ReadAsByteArrayAsync());
    }

    /// <summary>
    /// The same request twice: the first fills the lookup's memory through the endpoint, the second (on a local store,
    /// while that memory is fresh — retried if a busy machine let the second pass) is answered by the middleware.
    /// </summary>
    private async Task<(Answer First, Answer Second)> TwiceAsync(HttpMethod method, string url)
    {
        var mediaId = new Uri(server.CreateClient().BaseAddress!, url).AbsolutePath.Split('/').Last();
        var rendition = System.Web.HttpUtility.ParseQueryString(new Uri(server.CreateClient().BaseAddress!, url).Query)["r"];
        var lookup = server.Services.GetRequiredService<DeliveryLookup>();
        using var client = server.CreateClient();
        for (var attempt = 0; ; attempt++)
        {
            var first = await SendAsync(client, method, url);
            var fresh = lookup.Recall(mediaId, rendition) is not null;
            var second = await SendAsync(client, method, url);
            if (!TestBackends.UsesFileSystem || (fresh && lookup.Recall(mediaId, rendition) is not null) || attempt == 5)
            {
                Assert.True(!TestBackends.UsesFileSystem || fresh, "the lookup never remembered the answer");
                return (first, second);
            }
        }
    }

    private static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        using var response = await client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new Answer(response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    private static void AssertSameAnswer(Answer first, Answer second)
    {
        Assert.Equal(first.Status, second.Status);
        // The date and the seconds left to the URL may tick between the two answers.
        string[] ticking = ["Date", "Cache-Control"];
        Assert.Equal(
            first.Headers.Where(h => !ticking.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal),
            second.Headers.Where(h => !ticking.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal));
        Assert.Equal(first.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase), second.Headers.Keys.Order(StringComparer.OrdinalIgnoreCase));
        var maxAge = (string h) => long.Parse(System.Text.RegularExpressions.Regex.Match(h, @"max-age=(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(maxAge(first.Headers["Cache-Control"]) - maxAge(second.Headers["Cache-Control"]), 0, 1);
        Assert.Equal(first.Body, second.Body);
    }

    private async Task<(string Url, byte[] Bytes)> UploadAsync(string sample)
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var url = (await client.UploadAsync(releaseId, sample)).GetProperty("data")[0].GetProperty("cloudUrl").GetString()!;
        return (url, TestFiles.Bytes(sample));
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + shift;
    }

    private sealed record Answer(HttpStatusCode Status, Dictionary<string, string> Headers, byte[] Body);
}
