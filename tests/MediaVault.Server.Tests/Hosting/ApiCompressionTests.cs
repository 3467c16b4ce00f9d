using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>Brotli and gzip on JSON, JSON-LD and problem answers as Accept-Encoding asks (curl --compressed), never on media bytes.</summary>
[Collection(ServerCollection.Name)]
public sealed class ApiCompressionTests(ServerFixture server)
{
    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task Json_answers_of_every_surface_are_compressed_and_decompress_to_the_same_json(string encoding)
    {
        using var reads = await ApiReads.CreateAsync(server);
        (HttpClient Client, string Path, string MediaType)[] answers =
        [
            (reads.Releases, $"/releases/{reads.ReleaseId}/media", "application/json"),
            (reads.Catalog, "/rest/api/medias", "application/ld+json"),
            (reads.Catalog, $"/rest/api/medias/{Guid.NewGuid():N}", "application/problem+json"),
            (reads.Library, "/v2/media", "application/json"),
        ];
        foreach (var (client, path, mediaType) in answers)
        {
            using var raw = ApiReads.Raw(client);
            if (mediaType == "application/ld+json")
            {
                raw.DefaultRequestHeaders.Accept.ParseAdd(mediaType);
            }

            var (plain, compressed, decoded) = await ReadBothAsync(raw, path, encoding);
            Assert.Equal(mediaType, compressed.Content.Headers.ContentType?.MediaType);
            Assert.Equal(encoding, compressed.Content.Headers.ContentEncoding.Single());
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), decoded);
            using var json = JsonDocument.Parse(decoded);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            plain.Dispose();
            compressed.Dispose();
        }
    }

    [Fact]
    public async Task A_list_page_is_less_than_half_its_size_gzipped()
    {
        using var client = server.CreateCatalogClient(out _);
        for (var i = 0; i < 5; i++)
        {
            await client.UploadMediaAsync("image.png");
        }

        using var raw = ApiReads.Raw(client);
        var (plain, compressed, _) = await ReadBothAsync(raw, "/rest/api/medias", "gzip");
        var plainSize = (await plain.Content.ReadAsByteArrayAsync()).Length;
        var compressedSize = (await compressed.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(compressedSize * 2 < plainSize, $"{plainSize} bytes plain, {compressedSize} gzipped");
        plain.Dispose();
        compressed.Dispose();
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task The_openapi_document_is_compressed_as_one_piece_to_an_eighth_of_its_size(string encoding)
    {
        using var raw = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseAddress };
        var (plain, compressed, decoded) = await ReadBothAsync(raw, "/openapi/v1.json", encoding);
        var plainBytes = await plain.Content.ReadAsByteArrayAsync();
        var size = (await compressed.Content.ReadAsByteArrayAsync()).Length;

        Assert.Equal(plainBytes, decoded);
        Assert.True(size * 8 < plainBytes.Length, $"{plainBytes.Length} bytes plain, {size} as {encoding}");
        plain.Dispose();
        compressed.Dispose();
    }

    [Fact]
    public async Task Media_bytes_and_json_renditions_are_never_compressed()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        await client.UploadAsync(releaseId, "tone.mp3");
        var waveform = await WaitForRenditionUrlAsync(client, releaseId, "waveform.json");

        using var raw = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, waveform);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await raw.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(response.Content.Headers.ContentLength, bytes.Length);
        using var json = JsonDocument.Parse(bytes);
    }

    /// <summary>The same answer plain and compressed, read until both are of the same bytes (same ETag): a rendition job may change it in between.</summary>
    private static async Task<(HttpResponseMessage Plain, HttpResponseMessage Compressed, byte[] Decoded)> ReadBothAsync(HttpClient raw, string path, string encoding)
    {
        for (var attempt = 0; ; attempt++)
        {
            var plain = await raw.GetAsync(path);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            var compressed = await raw.SendAsync(request);
            if (Equals(plain.Headers.ETag, compressed.Headers.ETag) || attempt == 10)
            {
                return (plain, compressed, await DecodeAsync(compressed, encoding));
            }

            plain.Dispose();
            compressed.Dispose();
            await Task.Delay(250);
        }
    }

    private static async Task<byte[]> DecodeAsync(HttpResponseMessage response, string encoding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoder = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        return decoded.ToArray();
    }

    private static async Task<string> WaitForRenditionUrlAsync(HttpClient client, string releaseId, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var media = (await client.ListMediaAsync(releaseId))[0];
            if (media.GetProperty("metadata").TryGetProperty("renditions", out var renditions)
                && renditions.EnumerateArray().FirstOrDefault(r => r.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } found)
            {
                return found.GetProperty("url").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {name} rendition");
            await Task.Delay(100);
        }
    }
}
