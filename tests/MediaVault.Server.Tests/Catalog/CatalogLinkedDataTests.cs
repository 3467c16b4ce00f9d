using System.Net;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MediaVault.Server.Tests.Catalog;

/// <summary>The catalogue read as linked data: contexts, the Hydra documentation, and stock JSON-LD and Hydra clients.</summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogLinkedDataTests(ServerFixture server, ITestOutputHelper output)
{
    private string Origin => server.BaseAddress.GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task The_jsonld_processor_and_api_doc_parser_read_every_catalog_document()
    {
        using var client = server.CreateCatalogClient(out var org);
        var media = await client.UploadMediaAsync("image.png");
        await client.UploadMediaAsync("image.jpg");
        var mediaIri = media.GetProperty("@id").GetString()!;
        await client.WaitMediaReadyAsync(mediaIri);
        using var created = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name": "Shirt", "sku": "S-1", "medias": ["{{mediaIri}}"]}""");
        var productIri = (await created.ReadJsonAsync()).GetProperty("@id").GetString()!;
        using var variantCreated = await client.SendJsonAsync(HttpMethod.Post, "/rest/api/variants", $$"""{"product": "{{productIri}}", "name": "Red", "medias": ["{{mediaIri}}"]}""");
        var variantIri = (await variantCreated.ReadJsonAsync()).GetProperty("@id").GetString()!;
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + client.DefaultRequestHeaders.Authorization!.Parameter,
            [CatalogApi.OrgHeader] = org,
        };

        var (exitCode, result) = await NodeJsonLdReader.ReadAsync(server.BaseAddress, headers,
            "Entrypoint=/rest/api",
            $"Media={mediaIri}",
            "Media=/rest/api/medias?itemsPerPage=1&page=1",
            "Media=/rest/api/medias?itemsPerPage=1",
            $"Product={productIri}?expand=variants",
            "Product=/rest/api/products",
            $"Variant={variantIri}",
            "Variant=/rest/api/variants",
            "Error=/rest/api/medias/00000000-0000-0000-0000-000000000000",
            """ConstraintViolationList=POST /rest/api/products {"medias": ["/rest/api/medias/nothing"]}""");

        output.WriteLine($"read-catalog.mjs took {result.GetProperty("milliseconds").GetInt32()} ms");
        Assert.Equal([], result.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(0, exitCode);
        foreach (var name in new[] { "Entrypoint", "Media", "Product", "Variant", "Error", "ConstraintViolationList" })
        {
            Assert.Contains($"{Origin}/rest/api/contexts/{name}", result.GetProperty("loaded").EnumerateArray().Select(u => u.GetString()));
        }

        var resources = result.GetProperty("resources");
        Assert.Equal(["Media", "Product", "Variant"], resources.EnumerateObject().Select(r => r.Name));
        Assert.Equal(["id", "contentUrl", "mimeType", "type", "hash", "dimensions", "createdAt", "updatedAt"], Fields(resources, "Media"));
        Assert.Equal(["id", "name", "sku", "description", "medias", "variants", "createdAt", "updatedAt"], Fields(resources, "Product"));
        Assert.Equal(["id", "product", "name", "sku", "medias", "createdAt", "updatedAt"], Fields(resources, "Variant"));
        Assert.Equal("Product", resources.GetProperty("Variant").GetProperty("references").GetProperty("product").GetString());
        Assert.Equal("Media", resources.GetProperty("Product").GetProperty("references").GetProperty("medias").GetString());
        Assert.Contains("PATCH edit", resources.GetProperty("Product").GetProperty("operations").EnumerateArray().Select(o => o.GetString()));

        var reads = result.GetProperty("reads");
        var mediaQuads = reads.GetProperty($"Media={mediaIri}").GetProperty("json-ld-1.0").GetProperty("nquads").GetString()!;
        Assert.Contains($"<{Origin}{mediaIri}> <https://schema.org/contentUrl> ", mediaQuads, StringComparison.Ordinal);
        Assert.Contains($"<{Origin}{mediaIri}> <https://schema.org/encodingFormat> \"image/png\" .", mediaQuads, StringComparison.Ordinal);
        Assert.Contains("<https://schema.org/width> \"", mediaQuads, StringComparison.Ordinal);
        var pageQuads = reads.GetProperty("Media=/rest/api/medias?itemsPerPage=1&page=1").GetProperty("json-ld-1.1").GetProperty("nquads").GetString()!;
        Assert.Contains($"<http://www.w3.org/ns/hydra/core#next> <{Origin}/rest/api/medias?itemsPerPage=1&page=2> .", pageQuads, StringComparison.Ordinal);
        var productQuads = reads.GetProperty($"Product={productIri}?expand=variants").GetProperty("json-ld-1.0").GetProperty("nquads").GetString()!;
        Assert.Contains($"<{Origin}{productIri}> <https://schema.org/image> <{Origin}{mediaIri}> .", productQuads, StringComparison.Ordinal);
        Assert.Contains($"<{Origin}{variantIri}> <https://schema.org/isVariantOf> <{Origin}{productIri}> .", productQuads, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_class_has_a_context_with_an_absolute_vocab_links_typed_id_and_schema_org_terms()
    {
        using var client = server.CreateClient();

        using var media = await client.GetAsync("/rest/api/contexts/Media");
        using var product = await client.GetAsync("/rest/api/contexts/Product");
        using var variant = await client.GetAsync("/rest/api/contexts/Variant");
        using var unknown = await client.GetAsync("/rest/api/contexts/Nothing");

        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("application/ld+json", media.Content.Headers.ContentType?.MediaType);
        var mediaContext = (await media.ReadJsonAsync()).GetProperty("@context");
        Assert.Equal($"{Origin}/rest/api/docs.jsonld#", mediaContext.GetProperty("@vocab").GetString());
        Assert.Equal("http://www.w3.org/ns/hydra/core#", mediaContext.GetProperty("hydra").GetString());
        Assert.Equal("schema:contentUrl", mediaContext.GetProperty("contentUrl").GetString());
        Assert.Equal("schema:encodingFormat", mediaContext.GetProperty("mimeType").GetString());
        Assert.Equal("schema:width", mediaContext.GetProperty("width").GetString());
        Assert.Equal("@id", mediaContext.GetProperty("hydra:next").GetProperty("@type").GetString());
        Assert.False(mediaContext.TryGetProperty("@base", out _), "a remote context's @base is ignored; the served one has none");
        var productContext = (await product.ReadJsonAsync()).GetProperty("@context");
        Assert.Equal("schema:name", productContext.GetProperty("name").GetString());
        Assert.Equal("schema:sku", productContext.GetProperty("sku").GetString());
        Assert.Equal("@id", productContext.GetProperty("medias").GetProperty("@type").GetString());
        Assert.Equal("@id", productContext.GetProperty("variants").GetProperty("@type").GetString());
        Assert.Equal("@id", (await variant.ReadJsonAsync()).GetProperty("@context").GetProperty("product").GetProperty("@type").GetString());
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_document_embeds_its_context_absolute_with_a_base_so_it_reads_without_its_url()
    {
        using var client = server.CreateCatalogClient(out _);
        var media = await client.UploadMediaAsync("image.png");

        var context = media.GetProperty("@context");

        Assert.Equal(JsonValueKind.Object, context.ValueKind);
        Assert.Equal($"{Origin}/rest/api/docs.jsonld#", context.GetProperty("@vocab").GetString());
        Assert.Equal($"{Origin}/rest/api/", context.GetProperty("@base").GetString());
        using var served = await server.CreateClient().GetAsync("/rest/api/contexts/Media");
        var servedContext = (await served.ReadJsonAsync()).GetProperty("@context");
        Assert.Equal(servedContext.EnumerateObject().Select(p => p.Name).Order(), context.EnumerateObject().Select(p => p.Name).Where(n => n != "@base").Order());
    }

    [Fact]
    public async Task The_api_documentation_describes_each_class_and_the_entrypoint_lists_the_collections()
    {
        using var client = server.CreateClient();

        using var docs = await client.GetAsync("/rest/api/docs.jsonld");
        using var entrypoint = await client.GetAsync("/rest/api");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var documentation = await docs.ReadJsonAsync();
        Assert.Equal("hydra:ApiDocumentation", documentation.GetProperty("@type").GetString());
        Assert.Equal("/rest/api", documentation.GetProperty("hydra:entrypoint").GetString());
        var classes = documentation.GetProperty("hydra:supportedClass").EnumerateArray().ToDictionary(c => c.GetProperty("@id").GetString()!);
        Assert.Equal(["#Media", "#Product", "#Variant", "#Entrypoint", "#ConstraintViolationList", "#Error"], classes.Keys);
        var mediaProperties = classes["#Media"].GetProperty("hydra:supportedProperty").EnumerateArray()
            .ToDictionary(p => p.GetProperty("hydra:title").GetString()!, p => p.GetProperty("hydra:property").GetProperty("@id").GetString());
        Assert.Equal("schema:contentUrl", mediaProperties["contentUrl"]);
        Assert.Equal("#Media/type", mediaProperties["type"]);
        var operations = classes["#Product"].GetProperty("hydra:supportedOperation").EnumerateArray().Select(o => o.GetProperty("hydra:method").GetString());
        Assert.Equal(["GET", "PATCH", "DELETE"], operations);
        var productLink = classes["#Variant"].GetProperty("hydra:supportedProperty").EnumerateArray().Single(p => p.GetProperty("hydra:title").GetString() == "product");
        Assert.Equal("hydra:Link", productLink.GetProperty("hydra:property").GetProperty("@type").GetString());
        Assert.Equal("#Product", productLink.GetProperty("hydra:property").GetProperty("range").GetString());
        var root = await entrypoint.ReadJsonAsync();
        Assert.Equal("Entrypoint", root.GetProperty("@type").GetString());
        Assert.Equal("/rest/api/medias", root.GetProperty("media").GetString());
        Assert.Equal("/rest/api/products", root.GetProperty("product").GetString());
        Assert.Equal("/rest/api/variants", root.GetProperty("variant").GetString());
    }

    private static IEnumerable<string?> Fields(JsonElement resources, string name) =>
        resources.GetProperty(name).GetProperty("fields").EnumerateArray().Select(f => f.GetString());
}
