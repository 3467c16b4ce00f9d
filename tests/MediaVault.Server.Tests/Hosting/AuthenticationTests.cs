using System.Net;
using System.Net.Http.Headers;
using MediaVault.Server.Cli;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class AuthenticationTests(ServerFixture server)
{
    [Fact]
    public async Task A_request_without_credentials_is_401_in_the_release_error_shape()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync($"/releases/{Guid.NewGuid()}/media");

        Assert.Equal("Unauthorized", await response.AssertErrorAsync(HttpStatusCode.Unauthorized));
    }

    [Fact]
    public async Task A_token_with_a_bad_signature_is_401()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("t-bad", ["admin"], key: "another-key-another-key-another-key-0123456789"));

        using var response = await client.GetAsync("/releases");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Unsigned("t-none"));

        using var response = await client.GetAsync("/releases");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("t-old", ["admin"], expires: DateTime.UtcNow.AddMinutes(-10)));

        using var response = await client.GetAsync("/releases");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_missing_permission_is_403()
    {
        using var reader = server.CreateTenantClient(out var tenant, "releases:read");
        using var writer = server.CreateClientFor(tenant, "releases:write", "releases:read");
        var releaseId = await writer.CreateReleaseAsync();

        using var upload = await reader.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3"));
        using var review = await writer.PostAsync($"/releases/{releaseId}/approve", null);

        Assert.Contains("releases:write", await upload.AssertErrorAsync(HttpStatusCode.Forbidden), StringComparison.Ordinal);
        await review.AssertErrorAsync(HttpStatusCode.Forbidden);
        Assert.Empty((await writer.ListMediaAsync(releaseId)).EnumerateArray());
    }

    [Fact]
    public async Task A_new_tenant_key_is_provisioned_on_first_use_and_sees_only_its_own_releases()
    {
        using var first = server.CreateTenantClient(out _);
        using var second = server.CreateTenantClient(out _);
        await first.CreateReleaseAsync("Mine");

        using var response = await second.GetAsync("/releases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("pagination").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_api_key_made_by_the_cli_works_as_headers_and_as_bearer_until_revoked()
    {
        var tenant = "cli-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, await RunCliAsync("tenants", "create", tenant));
        var output = await RunCliOutputAsync("keys", "create", "--tenant", tenant, "--permissions", "releases:read,releases:write");
        var id = Line(output, "X-API-ID: ");
        var secret = Line(output, "X-API-KEY: ");
        var bearer = Line(output, "Bearer: ");

        using var headers = server.CreateClient();
        headers.DefaultRequestHeaders.Add("X-API-ID", id);
        headers.DefaultRequestHeaders.Add("X-API-KEY", secret);
        using var viaHeaders = await headers.GetAsync("/releases");
        using var asBearer = server.CreateClient();
        asBearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var viaBearer = await asBearer.GetAsync("/releases");
        using var wrong = server.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-API-ID", id);
        wrong.DefaultRequestHeaders.Add("X-API-KEY", secret + "x");
        using var viaWrongSecret = await wrong.GetAsync("/releases");
        Assert.Equal(0, await RunCliAsync("keys", "revoke", id));
        using var afterRevoke = await headers.GetAsync("/releases");

        Assert.Equal(HttpStatusCode.OK, viaHeaders.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viaBearer.StatusCode);
        await viaWrongSecret.AssertErrorAsync(HttpStatusCode.Unauthorized);
        await afterRevoke.AssertErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_made_by_the_cli_is_accepted()
    {
        var tenant = "tok-" + Guid.NewGuid().ToString("N")[..8];
        var token = (await RunCliOutputAsync("tokens", "create", "--tenant", tenant, "--sub", "me", "--permissions", "releases:read", "--ttl", "5m")).Trim();
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var response = await client.GetAsync("/releases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_cli_lists_tenants_and_refuses_unknown_permissions()
    {
        var tenant = "list-" + Guid.NewGuid().ToString("N")[..8];
        await RunCliAsync("tenants", "create", tenant);

        var listing = await RunCliOutputAsync("tenants", "list");
        var refused = await RunCliAsync("keys", "create", "--tenant", tenant, "--permissions", "root");

        Assert.Contains(tenant, listing, StringComparison.Ordinal);
        Assert.NotEqual(0, refused);
    }

    private Task<int> RunCliAsync(params string[] args) => CliApp.RunAsync([.. args, .. CliConfiguration()], TextWriter.Null);

    private string[] CliConfiguration() =>
        [$"--DataPath={server.DataPath}", $"--Auth:Jwt:SigningKey={ServerFixture.SigningKey}", .. TestBackends.Arguments(server.DataPath)];

    private async Task<string> RunCliOutputAsync(params string[] args)
    {
        using var writer = new StringWriter();
        var code = await CliApp.RunAsync([.. args, .. CliConfiguration()], writer);
        Assert.Equal(0, code);
        return writer.ToString();
    }

    private static string Line(string output, string prefix) =>
        output.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..].Trim();
}
