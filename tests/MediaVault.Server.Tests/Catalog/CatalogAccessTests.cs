using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Catalog;

[Collection(ServerCollection.Name)]
public sealed class CatalogAccessTests(ServerFixture server)
{
    [Fact]
    public async Task A_missing_organization_header_is_a_400_problem()
    {
        using var client = server.CreateTenantClient(out _);

        using var response = await client.GetAsync("/rest/api/medias");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("X-Flowkiwi-Organization-Id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_organization_is_403_and_one_listed_in_orgs_is_allowed()
    {
        var tenant = "org-" + Guid.NewGuid().ToString("N")[..8];
        var other = "org-" + Guid.NewGuid().ToString("N")[..8];
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"], orgs: [other]));

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/rest/api/medias");
        foreign.Headers.Add(CatalogApi.OrgHeader, "someone-else");
        using var foreignResponse = await client.SendAsync(foreign);
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/rest/api/medias");
        allowed.Headers.Add(CatalogApi.OrgHeader, other);
        using var allowedResponse = await client.SendAsync(allowed);

        await foreignResponse.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, allowedResponse.StatusCode);
    }

    [Fact]
    public async Task A_token_without_media_delete_gets_403_naming_the_missing_permission()
    {
        using var writer = server.CreateCatalogClient(out var org, "media:write", "media:read");
        var iri = (await writer.UploadMediaAsync("image.png")).GetProperty("@id").GetString()!;

        using var response = await writer.DeleteAsync(iri);

        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(["media:delete"], problem.GetProperty("missingPermissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync(iri)).StatusCode);
        Assert.NotNull(org);
    }

    [Fact]
    public async Task No_credentials_is_a_401_problem()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, "anyone");

        using var response = await client.GetAsync("/rest/api/medias");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_catalog_also_answers_plain_json_when_asked()
    {
        using var client = server.CreateTenantClient(out var org);
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, org);
        client.DefaultRequestHeaders.Accept.Add(new("application/json"));

        using var response = await client.GetAsync("/rest/api/medias");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hydra:Collection", (await response.ReadJsonAsync()).GetProperty("@type").GetString());
    }
}
