using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>Every 401 carries a Bearer challenge (RFC 6750 §3); each surface keeps its own error body.</summary>
[Collection(ServerCollection.Name)]
public sealed class AuthenticationChallengeTests(ServerFixture server)
{
    public static TheoryData<string, string> Credentials() => new()
    {
        { "none", "" },
        { "garbage", "" },
        { "expired", "expired" },
        { "unsigned", "" },
        { "bad api key", "" },
        { "bad api key as bearer", "" },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task Every_surface_answers_401_with_a_bearer_challenge_and_its_own_error_body(string credentials, string describedAs)
    {
        foreach (var surface in new[] { "releases", "catalog", "library", "tus", "web page" })
        {
            using var client = server.CreateClient();
            using var request = Request(surface);
            Authenticate(request, credentials);
            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var challenge = Assert.Single(response.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.Contains("realm=\"MediaVault\"", challenge.Parameter, StringComparison.Ordinal);
            if (credentials == "none")
            {
                Assert.DoesNotContain("error=", challenge.Parameter, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
                Assert.Contains(describedAs, challenge.Parameter, StringComparison.Ordinal);
            }

            await AssertSurfaceBodyAsync(surface, response);
        }
    }

    private static HttpRequestMessage Request(string surface)
    {
        switch (surface)
        {
            case "releases":
                return new HttpRequestMessage(HttpMethod.Get, "/releases");
            case "catalog":
                var catalog = new HttpRequestMessage(HttpMethod.Get, "/rest/api/medias");
                catalog.Headers.Add(CatalogApi.OrgHeader, "someone");
                return catalog;
            case "library":
                return new HttpRequestMessage(HttpMethod.Get, "/v2/media");
            case "tus":
                var tus = new HttpRequestMessage(HttpMethod.Post, "/uploads");
                tus.Headers.Add("Tus-Resumable", "1.0.0");
                tus.Headers.Add("Upload-Length", "10");
                return tus;
            default:
                return new HttpRequestMessage(HttpMethod.Get, "/api/session");
        }
    }

    private static void Authenticate(HttpRequestMessage request, string credentials)
    {
        switch (credentials)
        {
            case "garbage":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token");
                break;
            case "expired":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create("t-expired", ["admin"], expires: DateTime.UtcNow.AddMinutes(-10)));
                break;
            case "unsigned":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Unsigned("t-unsigned"));
                break;
            case "bad api key":
                request.Headers.Add("X-API-ID", "ak_0000000000000000");
                request.Headers.Add("X-API-KEY", "wrong");
                break;
            case "bad api key as bearer":
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ak_0000000000000000.wrong");
                break;
        }
    }

    private static async Task AssertSurfaceBodyAsync(string surface, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (surface == "tus")
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
            return;
        }

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        switch (surface)
        {
            case "catalog":
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(401, root.GetProperty("status").GetInt32());
                break;
            case "library":
                Assert.False(root.GetProperty("success").GetBoolean());
                break;
            default:
                Assert.Equal("error", root.GetProperty("status").GetString());
                break;
        }
    }
}
