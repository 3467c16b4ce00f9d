using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Helpers over the catalogue surface: a client acting as an organisation, uploads, and problem checks.</summary>
public static class CatalogApi
{
    public const string OrgHeader = "X-Flowkiwi-Organization-Id";

    public static HttpClient CreateCatalogClient(this ServerFixture server, out string org, params string[] permissions)
    {
        var client = server.CreateTenantClient(out org, permissions.Length == 0 ? ["admin"] : permissions);
        client.DefaultRequestHeaders.Add(OrgHeader, org);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        return client;
    }

    public static async Task<JsonElement> UploadMediaAsync(this HttpClient client, string sampleName)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(TestFiles.Bytes(sampleName));
        content.Add(part, "file", sampleName);
        using var response = await client.PostAsync("/rest/api/medias", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json, string contentType = "application/ld+json")
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        return await client.SendAsync(request);
    }

    /// <summary>Asserts a problem document of the reference's shape and returns it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("@context").ValueKind);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("@id").ValueKind);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("@type").ValueKind);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("type").ValueKind);
        Assert.Equal(JsonValueKind.String, problem.GetProperty("title").ValueKind);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
        if (expected is HttpStatusCode.BadRequest or HttpStatusCode.NotFound)
        {
            Assert.Equal(JsonValueKind.String, problem.GetProperty("instance").ValueKind);
        }

        return problem;
    }

    public static async Task<JsonElement> WaitMediaReadyAsync(this HttpClient client, string iri)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await client.GetAsync(iri);
            var media = await response.ReadJsonAsync();
            if (media.GetProperty("dimensions").ValueKind != JsonValueKind.Null || DateTime.UtcNow > deadline)
            {
                return media;
            }

            await Task.Delay(100);
        }
    }
}
