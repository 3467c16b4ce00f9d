using System.Net;
using System.Text;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>Signed tokens that are still refused, or grant less than they seem to: crit headers, array tenants, permissions with spaces.</summary>
[Collection(ServerCollection.Name)]
public sealed class JwtStrictnessTests(ServerFixture server)
{
    [Fact]
    public async Task A_token_with_an_unknown_crit_header_is_401()
    {
        var tenant = NewTenant();
        var token = Sign(Claims(tenant, ["admin"]), new Dictionary<string, object> { ["crit"] = new[] { "urn:example:must-understand" }, ["urn:example:must-understand"] = true });

        using var response = await GetAsync("/releases", token);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_tenant_claim_is_an_array_is_401_on_every_surface()
    {
        var mine = NewTenant();
        var victim = NewTenant();
        var token = Sign(new Dictionary<string, object> { ["sub"] = "u", ["tenant"] = new[] { mine, victim }, ["permissions"] = new[] { "admin" } });
        var single = Sign(new Dictionary<string, object> { ["sub"] = "u", ["tenant"] = new[] { mine }, ["permissions"] = new[] { "admin" } });

        using var release = await GetAsync("/releases", token);
        using var library = await GetAsync("/v2/media", token);
        using var oneElement = await GetAsync("/releases", single);

        await release.AssertErrorAsync(HttpStatusCode.Unauthorized);
        await library.AssertLibraryErrorAsync(HttpStatusCode.Unauthorized);
        await oneElement.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_permission_string_with_whitespace_is_one_unknown_permission_and_grants_nothing()
    {
        var tenant = NewTenant();
        var token = Sign(Claims(tenant, ["media:read admin"]));
        var commas = Sign(Claims(tenant, ["releases:read,admin"]));
        var plain = Sign(Claims(tenant, ["releases:read"]));

        using var releases = await GetAsync("/releases", token);
        using var library = await GetAsync("/v2/media", token);
        using var withCommas = await GetAsync("/releases", commas);
        using var allowed = await GetAsync("/releases", plain);

        await releases.AssertErrorAsync(HttpStatusCode.Forbidden);
        await library.AssertLibraryErrorAsync(HttpStatusCode.Forbidden);
        await withCommas.AssertErrorAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task A_space_separated_scope_claim_still_grants_each_of_its_permissions()
    {
        var tenant = NewTenant();
        var token = Sign(new Dictionary<string, object> { ["sub"] = "u", ["tenant"] = tenant, ["scope"] = "media:read releases:read" });

        using var releases = await GetAsync("/releases", token);
        using var library = await GetAsync("/v2/media", token);

        Assert.Equal(HttpStatusCode.OK, releases.StatusCode);
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string token)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync(path);
    }

    private static string NewTenant() => "jwt-" + Guid.NewGuid().ToString("N")[..10];

    private static Dictionary<string, object> Claims(string tenant, string[] permissions) =>
        new() { ["sub"] = "test-user", ["tenant"] = tenant, ["permissions"] = permissions };

    private static string Sign(Dictionary<string, object> claims, Dictionary<string, object>? header = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            AdditionalHeaderClaims = header,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ServerFixture.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
