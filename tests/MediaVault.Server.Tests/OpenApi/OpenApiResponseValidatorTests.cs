using System.Net;
using System.Text;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.OpenApi;

/// <summary>The response validator the test clients use catches what it is meant to catch.</summary>
[Collection(ServerCollection.Name)]
public sealed class OpenApiResponseValidatorTests(ServerFixture server)
{
    [Fact]
    public async Task An_undocumented_status_is_a_violation()
    {
        using var document = await DocumentAsync();
        using var response = new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("") };

        var violations = await OpenApiResponseValidator.CheckAsync(document.RootElement, "GET", "/v2/media/abc", response);

        Assert.Equal(["status 202 is not documented"], violations);
    }

    [Fact]
    public async Task A_body_that_breaks_the_schema_is_a_violation()
    {
        using var document = await DocumentAsync();
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound)
        {
            Content = new StringContent("""{"success": "no", "message": "Media not found"}""", Encoding.UTF8, "application/json"),
        };

        var violations = await OpenApiResponseValidator.CheckAsync(document.RootElement, "GET", "/v2/media/abc", response);

        Assert.Contains(violations, v => v.Contains("$.success", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("'error' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_most_literal_path_template_wins()
    {
        using var document = await DocumentAsync();

        var operation = OpenApiResponseValidator.FindOperation(document.RootElement, "POST", "/releases/3f2a/submit");

        Assert.Equal("submitRelease", operation!.Value.GetProperty("operationId").GetString());
    }

    [Fact]
    public async Task A_test_client_passes_a_documented_answer_through()
    {
        using var client = server.CreateTenantClient(out _);

        // A real answer the document does describe passes through untouched.
        using var listed = await client.GetAsync("/v2/media");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var client = server.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
    }
}
