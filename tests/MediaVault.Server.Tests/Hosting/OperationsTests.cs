using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class OperationsTests(ServerFixture server)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy(string path)
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_release_media_endpoints()
    {
        using var client = server.CreateClient();

        var json = (await (await client.GetAsync("/openapi/v1.json")).ReadJsonAsync()).GetProperty("paths");

        Assert.True(json.TryGetProperty("/releases/{id}/media", out _));
        Assert.True(json.TryGetProperty("/releases/{id}/media/files", out _));
        Assert.True(json.TryGetProperty("/releases/{id}/media/{mediaId}", out _));
    }

    [Fact]
    public async Task The_interactive_reference_page_is_served()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
