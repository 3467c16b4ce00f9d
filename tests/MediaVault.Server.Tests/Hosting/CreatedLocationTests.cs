using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>Every 201 names what it created in <c>Location</c>, and that URL answers with it.</summary>
[Collection(ServerCollection.Name)]
public sealed class CreatedLocationTests(ServerFixture server)
{
    [Fact]
    public async Task Library_create_answers_the_media_url()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _ = client;

        using var created = await client.PostAsJsonAsync("/v2/media", new { name = "image.jpg", type = "image/jpeg", fileSize = 10 });
        var id = (await created.ReadJsonAsync()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v2/media/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(id, (await GetAsync(client, created)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Release_create_track_add_and_file_upload_answer_where_they_are_listed()
    {
        using var client = server.CreateTenantClient(out _);

        using var release = await client.PostAsJsonAsync("/releases", new { title = "Located", displayArtist = "Artist", format = "Single", type = "Audio" });
        var releaseId = (await release.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();
        using var track = await client.PostAsJsonAsync($"/releases/{releaseId}/tracks", new { title = "One" });
        var trackId = (await track.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();
        using var files = ReleaseApi.SampleFiles("image.jpg");
        using var uploaded = await client.PostAsync($"/releases/{releaseId}/media/files", files);
        var mediaId = (await uploaded.ReadJsonAsync()).GetProperty("data")[0].GetProperty("cloudId").GetString();

        Assert.Equal(HttpStatusCode.Created, release.StatusCode);
        Assert.Equal($"/releases/{releaseId}", release.Headers.Location?.OriginalString);
        Assert.Equal(releaseId, (await GetAsync(client, release)).GetProperty("data").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Created, track.StatusCode);
        Assert.Equal($"/releases/{releaseId}/tracks", track.Headers.Location?.OriginalString);
        Assert.Contains(trackId, Ids((await GetAsync(client, track)).GetProperty("data"), "id"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal($"/releases/{releaseId}/media", uploaded.Headers.Location?.OriginalString);
        Assert.Contains(mediaId, Ids((await GetAsync(client, uploaded)).GetProperty("data"), "cloudId"));
    }

    [Fact]
    public async Task Catalog_media_product_and_variant_creates_answer_their_iri()
    {
        using var client = server.CreateCatalogClient(out _);

        using var files = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Bytes("image.jpg")), "file", "image.jpg" } };
        using var media = await client.PostAsync("/rest/api/medias", files);
        var mediaIri = (await media.ReadJsonAsync()).GetProperty("@id").GetString();
        using var product = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"Located","medias":["{{mediaIri}}"]}""");
        var productIri = (await product.ReadJsonAsync()).GetProperty("@id").GetString();
        using var variant = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", $$"""{"product":"{{productIri}}","name":"Red"}""");
        var variantIri = (await variant.ReadJsonAsync()).GetProperty("@id").GetString();

        foreach (var (response, iri) in new[] { (media, mediaIri), (product, productIri), (variant, variantIri) })
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(iri, response.Headers.Location?.OriginalString);
            Assert.Equal(iri, (await GetAsync(client, response)).GetProperty("@id").GetString());
        }
    }

    [Fact]
    public async Task Tus_creation_answers_the_upload_url()
    {
        using var client = server.CreateTenantClient(out _);

        using var created = await client.CreateUploadAsync(10, TusApi.Metadata(("filename", "a.bin")));
        var url = created.Headers.Location?.OriginalString;
        using var head = await client.HeadUploadAsync(url!);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("/uploads/", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("10", head.Header("Upload-Length"));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, HttpResponseMessage created)
    {
        using var found = await client.GetAsync(created.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        return await found.ReadJsonAsync();
    }

    private static IEnumerable<string?> Ids(JsonElement items, string property) => items.EnumerateArray().Select(i => i.GetProperty(property).GetString());
}
