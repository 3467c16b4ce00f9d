using System.Net;
using System.Net.Http.Headers;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Catalog;

/// <summary>Content negotiation of the catalogue and the headers every catalogue answer carries.</summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogNegotiationTests(ServerFixture server)
{
    private const string DocumentationLink = "/rest/api/docs.jsonld>; rel=\"http://www.w3.org/ns/hydra/core#apiDocumentation\"";

    [Theory]
    [InlineData(null, "application/ld+json")]
    [InlineData("application/ld+json", "application/ld+json")]
    [InlineData("application/json", "application/json")]
    [InlineData("*/*", "application/ld+json")]
    [InlineData("application/*", "application/ld+json")]
    [InlineData("application/json, */*;q=0.8", "application/json")]
    [InlineData("application/json;q=0.5, application/ld+json", "application/ld+json")]
    [InlineData("text/html, application/xhtml+xml, */*;q=0.8", "application/ld+json")]
    public async Task The_catalog_answers_in_the_type_the_accept_header_prefers(string? accept, string expected)
    {
        using var client = server.CreateTenantClient(out var org);
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, org);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rest/api/medias");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal("hydra:Collection", (await response.ReadJsonAsync()).GetProperty("@type").GetString());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/csv")]
    [InlineData("application/json;q=0, application/ld+json;q=0")]
    public async Task An_accept_header_the_catalog_cannot_serve_is_a_406_problem(string accept)
    {
        using var client = server.CreateTenantClient(out var org);
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, org);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/rest/api/medias");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotAcceptable);
        Assert.Contains("application/ld+json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task An_upload_that_asks_for_html_is_406_before_anything_is_stored()
    {
        using var client = server.CreateCatalogClient(out _);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Bytes("image.png")), "file", "image.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rest/api/medias") { Content = content };
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var acceptHeaders = client.DefaultRequestHeaders.Accept;
        acceptHeaders.Clear();

        using var response = await client.SendAsync(request);
        acceptHeaders.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        using var list = await client.GetAsync("/rest/api/medias");

        await response.AssertProblemAsync(HttpStatusCode.NotAcceptable);
        Assert.Equal(0, (await list.ReadJsonAsync()).GetProperty("hydra:totalItems").GetInt32());
    }

    [Fact]
    public async Task Every_catalog_answer_links_the_hydra_documentation_errors_and_no_content_too()
    {
        using var client = server.CreateCatalogClient(out _);
        var media = await client.UploadMediaAsync("image.png");
        using var anonymous = server.CreateClient();
        using var unacceptable = new HttpRequestMessage(HttpMethod.Get, "/rest/api");
        unacceptable.Headers.TryAddWithoutValidation("Accept", "text/html");

        var answers = new[]
        {
            await client.GetAsync("/rest/api/medias"),
            await client.GetAsync(media.GetProperty("@id").GetString()),
            await client.DeleteAsync(media.GetProperty("@id").GetString()),
            await client.GetAsync("/rest/api/medias/missing"),
            await anonymous.GetAsync("/rest/api/medias"),
            await anonymous.GetAsync("/rest/api"),
            await anonymous.GetAsync("/rest/api/docs.jsonld"),
            await anonymous.GetAsync("/rest/api/contexts/Media"),
            await anonymous.SendAsync(unacceptable),
        };

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized,
             HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NotAcceptable],
            answers.Select(a => a.StatusCode));
        foreach (var answer in answers)
        {
            var link = Assert.Single(answer.Headers.GetValues("Link"));
            Assert.Equal($"<{server.BaseAddress.GetLeftPart(UriPartial.Authority)}{DocumentationLink}", link);
            answer.Dispose();
        }
    }
}
