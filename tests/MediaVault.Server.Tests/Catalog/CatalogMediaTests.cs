using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Catalog;

[Collection(ServerCollection.Name)]
public sealed class CatalogMediaTests(ServerFixture server)
{
    [Fact]
    public async Task Upload_returns_201_a_location_and_every_seed_field()
    {
        using var client = server.CreateCatalogClient(out _);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Bytes("image.png")), "file", "image.png" } };

        using var response = await client.PostAsync("/rest/api/medias", content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var media = await response.ReadJsonAsync();
        var id = media.GetProperty("id").GetString()!;
        Assert.Equal($"/rest/api/medias/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(JsonValueKind.Object, media.GetProperty("@context").ValueKind);
        Assert.Equal($"/rest/api/medias/{id}", media.GetProperty("@id").GetString());
        Assert.Equal("Media", media.GetProperty("@type").GetString());
        Assert.True(Guid.TryParse(id, out _));
        Assert.StartsWith("http", media.GetProperty("contentUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("image/png", media.GetProperty("mimeType").GetString());
        Assert.Equal("image", media.GetProperty("type").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(TestFiles.Bytes("image.png"))), media.GetProperty("hash").GetString());
        Assert.True(media.TryGetProperty("dimensions", out _));
        Assert.Equal(JsonValueKind.String, media.GetProperty("createdAt").ValueKind);
        Assert.Equal(JsonValueKind.String, media.GetProperty("updatedAt").ValueKind);
        using var anonymous = server.CreateClient();
        Assert.Equal(TestFiles.Bytes("image.png"), await anonymous.GetByteArrayAsync(media.GetProperty("contentUrl").GetString()));
    }

    [Fact]
    public async Task An_image_gets_its_dimensions_once_processed_and_audio_is_a_file()
    {
        using var client = server.CreateCatalogClient(out _);
        var image = await client.UploadMediaAsync("image.jpg");
        var audio = await client.UploadMediaAsync("tone.mp3");

        var processed = await client.WaitMediaReadyAsync(image.GetProperty("@id").GetString()!);

        Assert.Equal(64, processed.GetProperty("dimensions").GetProperty("width").GetInt32());
        Assert.Equal(48, processed.GetProperty("dimensions").GetProperty("height").GetInt32());
        Assert.Equal("file", audio.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, audio.GetProperty("dimensions").ValueKind);
    }

    [Fact]
    public async Task The_list_is_a_hydra_collection_with_view_and_search()
    {
        using var client = server.CreateCatalogClient(out _);
        await client.UploadMediaAsync("image.png");
        await client.UploadMediaAsync("image.jpg");
        await client.UploadMediaAsync("tone.mp3");

        using var response = await client.GetAsync("/rest/api/medias?itemsPerPage=1&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        Assert.Equal("hydra:Collection", page.GetProperty("@type").GetString());
        Assert.Equal(3, page.GetProperty("hydra:totalItems").GetInt32());
        var member = Assert.Single(page.GetProperty("hydra:member").EnumerateArray());
        Assert.Equal("Media", member.GetProperty("@type").GetString());
        var view = page.GetProperty("hydra:view");
        Assert.Equal("/rest/api/medias?itemsPerPage=1&page=2", view.GetProperty("@id").GetString());
        Assert.Equal("/rest/api/medias?itemsPerPage=1&page=1", view.GetProperty("hydra:first").GetString());
        Assert.Equal("/rest/api/medias?itemsPerPage=1&page=3", view.GetProperty("hydra:last").GetString());
        Assert.Equal("/rest/api/medias?itemsPerPage=1&page=1", view.GetProperty("hydra:previous").GetString());
        Assert.Equal("/rest/api/medias?itemsPerPage=1&page=3", view.GetProperty("hydra:next").GetString());
        var search = page.GetProperty("hydra:search");
        Assert.Equal("hydra:IriTemplate", search.GetProperty("@type").GetString());
        Assert.Equal(["id", "id[]", "type", "type[]", "cursor"], search.GetProperty("hydra:mapping").EnumerateArray().Select(m => m.GetProperty("variable").GetString()));
    }

    [Fact]
    public async Task Hydra_next_without_a_page_number_walks_the_collection_by_keyset()
    {
        using var client = server.CreateCatalogClient(out _);
        for (var i = 0; i < 5; i++)
        {
            await client.UploadMediaAsync("image.png");
        }

        var seen = new List<string>();
        var next = "/rest/api/medias?itemsPerPage=2&type=image";
        for (var pages = 0; next is not null && pages < 10; pages++)
        {
            var page = await (await client.GetAsync(next)).ReadJsonAsync();
            Assert.Equal(5, page.GetProperty("hydra:totalItems").GetInt32());
            seen.AddRange(page.GetProperty("hydra:member").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            next = page.GetProperty("hydra:view").TryGetProperty("hydra:next", out var link) ? link.GetString() : null;
        }

        Assert.True(seen.Count == 5 && seen.Distinct().Count() == 5, string.Join("\n", seen));
    }

    [Fact]
    public async Task The_list_filters_by_type_and_id()
    {
        using var client = server.CreateCatalogClient(out _);
        var png = await client.UploadMediaAsync("image.png");
        var jpg = await client.UploadMediaAsync("image.jpg");
        await client.UploadMediaAsync("tone.mp3");
        await client.UploadMediaAsync("document.pdf");

        var images = await (await client.GetAsync("/rest/api/medias?type=image")).ReadJsonAsync();
        var files = await (await client.GetAsync("/rest/api/medias?type[]=file")).ReadJsonAsync();
        var byIds = await (await client.GetAsync($"/rest/api/medias?id[]={png.GetProperty("id").GetString()}&id[]={jpg.GetProperty("id").GetString()}")).ReadJsonAsync();
        using var badType = await client.GetAsync("/rest/api/medias?type=sound");
        using var tooMany = await client.GetAsync("/rest/api/medias?itemsPerPage=100000");

        Assert.Equal(2, images.GetProperty("hydra:totalItems").GetInt32());
        Assert.Equal(2, files.GetProperty("hydra:totalItems").GetInt32());
        Assert.Equal(2, byIds.GetProperty("hydra:totalItems").GetInt32());
        await badType.AssertProblemAsync(HttpStatusCode.BadRequest);
        await tooMany.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_bad_upload_is_an_invalid_input_problem_400_or_413_when_too_large_and_stores_nothing()
    {
        using var client = server.CreateCatalogClient(out var org);
        using var text = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Bytes("notes.txt")), "file", "notes.txt" } };
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        var oversized = new byte[(5 * 1024 * 1024) + 10];
        TestFiles.Bytes("image.png").CopyTo(oversized, 0);
        using var big = new MultipartFormDataContent { { new ByteArrayContent(oversized), "file", "big.png" } };

        var problems = new List<JsonElement>();
        foreach (var (content, status) in new[] { (text, HttpStatusCode.BadRequest), (noFile, HttpStatusCode.BadRequest), (big, HttpStatusCode.RequestEntityTooLarge) })
        {
            using var response = await client.PostAsync("/rest/api/medias", content);
            problems.Add(await response.AssertProblemAsync(status));
        }

        Assert.All(problems, p => Assert.Equal("Invalid input", p.GetProperty("title").GetString()));
        Assert.Equal("/rest/api/medias", problems[0].GetProperty("instance").GetString());
        Assert.Contains("maximum size", problems[2].GetProperty("detail").GetString(), StringComparison.Ordinal);
        var list = await (await client.GetAsync("/rest/api/medias")).ReadJsonAsync();
        Assert.Equal(0, list.GetProperty("hydra:totalItems").GetInt32());
        Assert.Empty(await server.TenantFilesAsync(org));
    }

    [Fact]
    public async Task Unknown_and_foreign_ids_are_404_problems_with_instance()
    {
        using var owner = server.CreateCatalogClient(out _);
        using var stranger = server.CreateCatalogClient(out _);
        var media = await owner.UploadMediaAsync("image.png");
        var iri = media.GetProperty("@id").GetString()!;

        using var foreign = await stranger.GetAsync(iri);
        using var unknown = await stranger.GetAsync($"/rest/api/medias/{Guid.NewGuid()}");
        using var foreignDelete = await stranger.DeleteAsync(iri);

        var problem = await foreign.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(iri, problem.GetProperty("instance").GetString());
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
        await foreignDelete.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(iri)).StatusCode);
    }

    [Fact]
    public async Task Two_concurrent_deletes_give_one_204_and_one_404()
    {
        using var client = server.CreateCatalogClient(out _);
        var iri = (await client.UploadMediaAsync("image.png")).GetProperty("@id").GetString()!;

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await client.DeleteAsync(iri);
            return response.StatusCode;
        }));

        Assert.Contains(HttpStatusCode.NoContent, statuses);
        Assert.Contains(HttpStatusCode.NotFound, statuses);
    }
}
