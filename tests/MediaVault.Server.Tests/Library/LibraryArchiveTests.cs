using System.Net;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Library;

[Collection(ServerCollection.Name)]
public sealed class LibraryArchiveTests(ServerFixture server)
{
    [Fact]
    public async Task Archived_media_leave_the_default_list_keep_serving_issued_urls_and_come_back_when_restored()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var ownClient = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync("image.jpg", "image/jpeg");
        var id = created.GetProperty("id").GetString()!;
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.jpg")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var ready = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        var path = ready.GetProperty("path").GetString()!;
        var other = await client.CreatePendingAsync("other.jpg");

        var archived = await client.UpdateMediaAsync(id, """{"archived":true}""");
        var defaultList = (await client.ListIdsAsync("")).Ids;
        var archivedList = (await client.ListIdsAsync("status=ARCHIVED")).Ids;
        var successList = (await client.ListIdsAsync("status=SUCCESS")).Ids;
        var bytes = await anonymous.GetByteArrayAsync(path);
        var read = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();
        var restored = await client.UpdateMediaAsync(id, """{"archived":false}""");
        var afterRestore = (await client.ListIdsAsync("")).Ids;

        Assert.Equal("ARCHIVED", archived.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, archived.GetProperty("archivedAt").ValueKind);
        Assert.Equal([other], defaultList);
        Assert.Equal([id], archivedList);
        Assert.Empty(successList);
        Assert.Equal(TestFiles.Bytes("image.jpg"), bytes);
        Assert.Equal("ARCHIVED", read.GetProperty("status").GetString());
        Assert.Equal("SUCCESS", restored.GetProperty("status").GetString());
        Assert.False(restored.TryGetProperty("archivedAt", out _));
        Assert.Equal([other, id], afterRestore);
    }

    [Fact]
    public async Task An_archived_media_cannot_be_newly_picked_for_a_catalog_product_but_stays_on_one_that_lists_it()
    {
        using var catalog = server.CreateCatalogClient(out var org);
        using var library = server.CreateClientFor(org, "admin");
        var kept = (await catalog.UploadMediaAsync("image.png")).GetProperty("@id").GetString()!;
        var picked = (await catalog.UploadMediaAsync("image.jpg")).GetProperty("@id").GetString()!;
        using var created = await catalog.SendJsonAsync(HttpMethod.Post, "/rest/api/products", $$"""{"name":"T-shirt","sku":"TS-9","medias":["{{kept}}"]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var productIri = (await created.ReadJsonAsync()).GetProperty("@id").GetString()!;

        await library.UpdateMediaAsync(kept.Split('/')[^1], """{"archived":true}""");
        await library.UpdateMediaAsync(picked.Split('/')[^1], """{"archived":true}""");
        using var resent = await catalog.SendJsonAsync(HttpMethod.Patch, productIri, $$"""{"name":"Shirt","medias":["{{kept}}"]}""", "application/merge-patch+json");
        using var added = await catalog.SendJsonAsync(HttpMethod.Patch, productIri, $$"""{"medias":["{{kept}}","{{picked}}"]}""", "application/merge-patch+json");
        using var collection = await catalog.GetAsync("/rest/api/medias");
        using var single = await catalog.GetAsync(picked);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var problem = await added.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("medias[1]", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, (await collection.ReadJsonAsync()).GetProperty("hydra:totalItems").GetInt32());
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
    }
}
