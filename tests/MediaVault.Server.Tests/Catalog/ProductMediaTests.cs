using System.Net;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Catalog;

[Collection(ServerCollection.Name)]
public sealed class ProductMediaTests(ServerFixture server)
{
    [Fact]
    public async Task A_referenced_media_cannot_be_deleted_until_detached_then_deletes_with_204_and_is_gone()
    {
        using var client = server.CreateCatalogClient(out _);
        var media = (await client.UploadMediaAsync("image.png")).GetProperty("@id").GetString()!;
        var listed = await client.GetAsync("/rest/api/medias");
        Assert.Equal(1, (await listed.ReadJsonAsync()).GetProperty("hydra:totalItems").GetInt32());

        using var productResponse = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"T-shirt","sku":"TS-1","medias":["{{media}}"]}""");
        Assert.Equal(HttpStatusCode.Created, productResponse.StatusCode);
        var product = await productResponse.ReadJsonAsync();
        var productIri = product.GetProperty("@id").GetString()!;
        Assert.Equal([media], product.GetProperty("medias").EnumerateArray().Select(m => m.GetString()));
        using var variantResponse = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", $$"""{"product":"{{productIri}}","name":"Red","medias":["{{media}}"]}""");
        Assert.Equal(HttpStatusCode.Created, variantResponse.StatusCode);
        var variantIri = (await variantResponse.ReadJsonAsync()).GetProperty("@id").GetString()!;

        using var refused = await client.DeleteAsync(media);
        var conflict = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        var referencedBy = conflict.GetProperty("referencedBy").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains(productIri, referencedBy);
        Assert.Contains(variantIri, referencedBy);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(media)).StatusCode);

        using var detachProduct = await client.SendJsonAsync(HttpMethod.Patch, productIri, """{"medias":[]}""", "application/merge-patch+json");
        using var detachVariant = await client.SendJsonAsync(HttpMethod.Patch, variantIri, """{"medias":null}""", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, detachProduct.StatusCode);
        Assert.Equal(HttpStatusCode.OK, detachVariant.StatusCode);
        Assert.Equal("T-shirt", (await detachProduct.ReadJsonAsync()).GetProperty("name").GetString());

        using var deleted = await client.DeleteAsync(media);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await deleted.Content.ReadAsByteArrayAsync());
        using var gone = await client.GetAsync(media);
        await gone.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Medias_keep_their_order_and_expand_embeds_variants()
    {
        using var client = server.CreateCatalogClient(out _);
        var first = (await client.UploadMediaAsync("image.png")).GetProperty("@id").GetString()!;
        var second = (await client.UploadMediaAsync("image.jpg")).GetProperty("@id").GetString()!;
        using var created = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"Mug","medias":["{{second}}","{{first}}"]}""");
        var productIri = (await created.ReadJsonAsync()).GetProperty("@id").GetString()!;
        using (await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", $$"""{"product":"{{productIri}}","name":"Blue","medias":["{{first}}"]}"""))
        {
        }

        var plain = await (await client.GetAsync(productIri)).ReadJsonAsync();
        var expanded = await (await client.GetAsync(productIri + "?expand=variants")).ReadJsonAsync();

        Assert.Equal([second, first], plain.GetProperty("medias").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(JsonValueKind.String, plain.GetProperty("variants")[0].ValueKind);
        var variant = expanded.GetProperty("variants")[0];
        Assert.Equal("Blue", variant.GetProperty("name").GetString());
        Assert.Equal([first], variant.GetProperty("medias").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Listing_another_tenants_media_or_a_non_image_is_422_naming_the_entry()
    {
        using var client = server.CreateCatalogClient(out _);
        using var stranger = server.CreateCatalogClient(out _);
        var foreign = (await stranger.UploadMediaAsync("image.png")).GetProperty("@id").GetString()!;
        var audio = (await client.UploadMediaAsync("tone.mp3")).GetProperty("@id").GetString()!;

        using var foreignResponse = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"X","medias":["{{foreign}}"]}""");
        using var audioResponse = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"X","medias":["{{audio}}"]}""");

        var foreignProblem = await foreignResponse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("medias[0]", foreignProblem.GetProperty("violations")[0].GetProperty("propertyPath").GetString());
        var audioProblem = await audioResponse.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("image", audioProblem.GetProperty("violations")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        var products = await (await client.GetAsync("/rest/api/products")).ReadJsonAsync();
        Assert.Equal(0, products.GetProperty("hydra:totalItems").GetInt32());
    }

    [Theory]
    [InlineData("""{"name":"X","medias":"not-a-list"}""", "medias")]
    [InlineData("""{"name":42}""", "name")]
    [InlineData("""{"name":"X","medias":[1]}""", "medias[0]")]
    public async Task A_field_of_the_wrong_type_is_a_400_naming_it(string body, string field)
    {
        using var client = server.CreateCatalogClient(out _);

        using var response = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains($"\"{field}\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_a_variant_needs_its_product()
    {
        using var client = server.CreateCatalogClient(out _);

        using var malformed = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", """{"name":""");
        using var orphan = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", """{"name":"Lost"}""");
        using var unknownProduct = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", $$"""{"product":"/rest/api/products/{{Guid.NewGuid()}}"}""");

        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("product", (await orphan.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("violations")[0].GetProperty("propertyPath").GetString());
        await unknownProduct.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Deleting_a_product_removes_its_variants_and_frees_its_media()
    {
        using var client = server.CreateCatalogClient(out _);
        var media = (await client.UploadMediaAsync("image.png")).GetProperty("@id").GetString()!;
        using var created = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"Cap","medias":["{{media}}"]}""");
        var productIri = (await created.ReadJsonAsync()).GetProperty("@id").GetString()!;
        using var variant = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", $$"""{"product":"{{productIri}}","medias":["{{media}}"]}""");
        var variantIri = (await variant.ReadJsonAsync()).GetProperty("@id").GetString()!;

        using var deleteProduct = await client.DeleteAsync(productIri);
        using var variantAfter = await client.GetAsync(variantIri);
        using var deleteMedia = await client.DeleteAsync(media);

        Assert.Equal(HttpStatusCode.NoContent, deleteProduct.StatusCode);
        await variantAfter.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, deleteMedia.StatusCode);
    }

    [Fact]
    public async Task A_media_deleted_on_the_release_surface_drops_out_of_product_lists()
    {
        using var client = server.CreateCatalogClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var mediaId = (await client.UploadAsync(releaseId, "image.png")).GetProperty("data")[0].GetProperty("cloudId").GetString()!;
        using var created = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"Poster","medias":["/rest/api/medias/{{mediaId}}"]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var productIri = (await created.ReadJsonAsync()).GetProperty("@id").GetString()!;

        using (await client.DeleteAsync($"/releases/{releaseId}/media/{mediaId}"))
        {
        }

        var product = await (await client.GetAsync(productIri)).ReadJsonAsync();
        Assert.Empty(product.GetProperty("medias").EnumerateArray());
    }
}
