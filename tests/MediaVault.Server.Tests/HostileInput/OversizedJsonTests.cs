using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.HostileInput;

/// <summary>Too-long text fields are 400 naming the field and its maximum; too-large JSON bodies are 413 found while reading. Nothing is stored.</summary>
[Collection(ServerCollection.Name)]
public sealed class OversizedJsonTests(ServerFixture server)
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task A_release_title_one_past_its_maximum_is_400_naming_the_field_and_nothing_is_stored()
    {
        using var client = server.CreateTenantClient(out _);

        using var tooLong = await client.PostAsJsonAsync("/releases", new { title = new string('t', 501), format = "Single", type = "Audio" });
        using var atLimit = await client.PostAsJsonAsync("/releases", new { title = new string('t', 500), format = "Single", type = "Audio" });
        using var list = await client.GetAsync("/releases");

        Assert.Equal("title must be at most 500 characters", await tooLong.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(1, (await list.ReadJsonAsync()).GetProperty("data").GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("description", 5000)]
    [InlineData("label", 500)]
    [InlineData("displayArtist", 500)]
    public async Task Every_release_text_field_has_a_maximum(string field, int max)
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var body = new Dictionary<string, object> { ["title"] = "ok", [field] = new string('x', max + 1) };

        using var create = await client.PostAsJsonAsync("/releases", body);
        using var update = await client.PutAsJsonAsync($"/releases/{releaseId}", new Dictionary<string, object> { [field] = new string('x', max + 1) });

        Assert.Equal($"{field} must be at most {max} characters", await create.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal($"{field} must be at most {max} characters", await update.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Track_and_link_fields_have_maximums_and_nothing_is_stored()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var isrc = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "One", isrc = new string('A', 21) });
        using var nested = await client.PostAsJsonAsync("/releases", new { title = "With tracks", tracks = new[] { new { title = "ok" }, new { title = new string('x', 501) } } });
        using var url = await client.PostAsJsonAsync($"/releases/{releaseId}/media/links", new { links = new[] { new { url = "https://example.com/" + new string('a', 2100), type = "audio" } } });
        using var name = await client.PostAsJsonAsync($"/releases/{releaseId}/media/links", new { links = new[] { new { url = "https://example.com/a.mp3", name = new string('n', 256), type = "audio" } } });
        using var trackLink = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "Two", media = new[] { new { url = "https://example.com/a.mp3", name = new string('n', 256), type = "audio" } } });

        Assert.Equal("isrc must be at most 20 characters", await isrc.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("tracks[1]: title must be at most 500 characters", await nested.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("url must be at most 2048 characters", await url.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("name must be at most 255 characters", await name.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("name must be at most 255 characters", await trackLink.AssertErrorAsync(HttpStatusCode.BadRequest));
        using var tracks = await client.GetAsync($"/releases/{releaseId}/tracks");
        Assert.Empty((await tracks.ReadJsonAsync()).GetProperty("data").EnumerateArray());
        Assert.Empty((await client.ListMediaAsync(releaseId)).EnumerateArray());
    }

    [Fact]
    public async Task Review_feedback_and_revert_reason_have_maximums()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using var review = await client.PostAsJsonAsync($"/releases/{releaseId}/review", new { action = "reject", feedback = new string('f', 5001) });
        using var revert = await client.PostAsJsonAsync($"/releases/{releaseId}/revert-status", new { targetStatus = "draft", reason = new string('r', 5001) });

        Assert.Equal("feedback must be at most 5000 characters", await review.AssertErrorAsync(HttpStatusCode.BadRequest));
        Assert.Equal("reason must be at most 5000 characters", await revert.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_release_body_over_the_cap_is_413_in_the_release_shape()
    {
        using var client = server.CreateTenantClient(out _);

        using var response = await client.PostAsync("/releases", Json($$"""{"title":"{{new string('t', 2 * MiB)}}"}"""));
        using var list = await client.GetAsync("/releases");

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, (await list.ReadJsonAsync()).GetProperty("data").GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_200_MB_chunked_title_is_refused_with_413_long_before_it_is_all_sent()
    {
        var tenant = "big-" + Guid.NewGuid().ToString("N")[..8];
        var (status, sent) = await SendChunkedAsync("/releases", TestTokens.Create(tenant, ["admin"]), "{\"title\":\"", 200L * MiB);
        using var client = server.CreateClientFor(tenant, "admin");
        using var list = await client.GetAsync("/releases");

        Assert.Equal(413, status);
        Assert.True(sent < 64L * MiB, $"the server read {sent / MiB} MiB before refusing");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(0, (await list.ReadJsonAsync()).GetProperty("data").GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Library_create_fields_have_maximums_and_a_large_body_is_413_in_the_library_shape()
    {
        using var client = server.CreateTenantClient(out _);

        using var name = await client.PostAsJsonAsync("/v2/media", new { name = new string('n', 256) + ".png", type = "image/png", fileSize = 10 });
        using var type = await client.PostAsJsonAsync("/v2/media", new { name = "a.png", type = "image/" + new string('p', 300), fileSize = 10 });
        using var large = await client.PostAsync("/v2/media", Json($$"""{"name":"{{new string('n', 2 * MiB)}}","type":"image/png","fileSize":10}"""));
        using var list = await client.GetAsync("/v2/media?page=1");

        Assert.Equal("validation_error", await name.AssertLibraryErrorAsync(HttpStatusCode.BadRequest));
        Assert.Contains("name must be at most 255 characters", (await name.ReadJsonAsync()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("type must be at most 200 characters", (await type.ReadJsonAsync()).GetProperty("message").GetString());
        Assert.Equal("payload_too_large", await large.AssertLibraryErrorAsync(HttpStatusCode.RequestEntityTooLarge));
        Assert.Equal(0, (await list.ReadJsonAsync()).GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Catalog_product_and_variant_fields_have_maximums_and_a_large_body_is_413_problem()
    {
        using var client = server.CreateCatalogClient(out _);
        using var product = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", "{\"name\":\"Shirt\"}");
        var productIri = (await product.ReadJsonAsync()).GetProperty("@id").GetString();

        using var name = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"{{new string('n', 501)}}"}""");
        using var description = await client.SendJsonAsync(HttpMethod.Patch, productIri!, $$"""{"description":"{{new string('d', 5001)}}"}""", "application/merge-patch+json");
        using var sku = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", $$"""{"product":"{{productIri}}","sku":"{{new string('s', 201)}}"}""");
        using var media = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"medias":["/rest/api/medias/{{new string('m', 300)}}"]}""");
        using var large = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"{{new string('n', 2 * MiB)}}"}""");
        using var products = await client.GetAsync("/rest/api/products");
        using var variants = await client.GetAsync("/rest/api/variants");

        Assert.Contains("name: This value is too long. It should have 500 characters or less.", (await name.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("description", (await description.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("sku: This value is too long. It should have 200 characters or less.", (await sku.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("medias[0]", (await media.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await large.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(1, (await products.ReadJsonAsync()).GetProperty("hydra:totalItems").GetInt32());
        Assert.Equal(0, (await variants.ReadJsonAsync()).GetProperty("hydra:totalItems").GetInt32());
        using var unchanged = await client.GetAsync(productIri);
        var stored = await unchanged.ReadJsonAsync();
        Assert.True(!stored.TryGetProperty("description", out var kept) || kept.ValueKind == System.Text.Json.JsonValueKind.Null, "the too-long description was stored");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>
    /// Streams a chunked JSON body of up to <paramref name="size"/> bytes (an endless string after <paramref name="prefix"/>)
    /// over a raw socket, stopping as soon as the server answers or closes; returns the status and the bytes sent.
    /// </summary>
    private async Task<(int Status, long Sent)> SendChunkedAsync(string path, string token, string prefix, long size)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = socket.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var reply = new byte[4096];
        var reading = stream.ReadAsync(reply).AsTask();
        var chunk = Encoding.ASCII.GetBytes(new string('t', 64 * 1024));
        var first = Encoding.ASCII.GetBytes(prefix);
        long sent = 0;
        try
        {
            await WriteChunkAsync(stream, first);
            sent += first.Length;
            while (sent < size && !reading.IsCompleted)
            {
                await WriteChunkAsync(stream, chunk);
                sent += chunk.Length;
            }
        }
        catch (IOException)
        {
            // The server closed the connection after answering: that is the point.
        }

        var read = await reading.WaitAsync(TimeSpan.FromSeconds(30));
        var statusLine = Encoding.ASCII.GetString(reply, 0, read);
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), sent);
    }

    private static async Task WriteChunkAsync(NetworkStream stream, byte[] data)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{data.Length:X}\r\n"));
        await stream.WriteAsync(data);
        await stream.WriteAsync("\r\n"u8.ToArray());
    }
}
