using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.OpenApi;

/// <summary>The served OpenAPI document lints clean, a typed client generated from it compiles, and /docs stays on this server.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class OpenApiDocumentTests(ServerFixture server)
{
    [Fact]
    public async Task The_document_has_no_redocly_lint_errors()
    {
        var file = await SaveDocumentAsync();

        var (exitCode, output) = await OpenApiTools.RunAsync("redocly", "lint", file, "--config", Path.Combine(OpenApiTools.Folder(), "redocly.yaml"), "--format=stylish", "--max-problems=200");

        Assert.True(exitCode == 0, output);
        Assert.DoesNotMatch(@"\d+ errors?\b", output.Replace("0 errors", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_generated_with_openapi_typescript_compiles_against_the_create_upload_list_flows()
    {
        var file = await SaveDocumentAsync();
        var generated = Path.Combine(OpenApiTools.Folder(), "generated");
        Directory.CreateDirectory(generated);

        var (generateExit, generateOutput) = await OpenApiTools.RunAsync("openapi-typescript", file, "-o", Path.Combine(generated, "mediavault.ts"));
        Assert.True(generateExit == 0, generateOutput);
        var (compileExit, compileOutput) = await OpenApiTools.RunAsync("tsc", "-p", ".", "--noEmit");

        Assert.True(compileExit == 0, compileOutput);
    }

    [Fact]
    public async Task Every_operation_has_an_id_security_and_a_documented_error()
    {
        using var client = server.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(operation.Value.TryGetProperty("operationId", out _), name);
                Assert.True(operation.Value.TryGetProperty("security", out var security), name);
                // The catalogue's Hydra entrypoint, documentation and contexts describe the API and hold no tenant's data.
                var catalogDocumentation = path.Name is "/rest/api" or "/rest/api/" or "/rest/api/docs.jsonld" || path.Name.StartsWith("/rest/api/contexts/", StringComparison.Ordinal);
                var anonymous = path.Name.StartsWith("/files/", StringComparison.Ordinal) || path.Name.EndsWith("/upload", StringComparison.Ordinal) || operation.Name == "options"
                    || catalogDocumentation;
                Assert.Equal(anonymous, security.GetArrayLength() == 0);
                Assert.Contains(operation.Value.GetProperty("responses").EnumerateObject(), r => r.Name[0] is '4' or '5');
                if (path.Name.StartsWith("/rest/api/", StringComparison.Ordinal) && !catalogDocumentation)
                {
                    Assert.Contains(operation.Value.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "X-Flowkiwi-Organization-Id");
                }
            }
        }

        Assert.DoesNotContain("\"string\"", TypesOfNumbers(document.RootElement));
    }

    [Fact]
    public async Task The_reference_page_loads_everything_from_this_server()
    {
        using var client = server.CreateClient();

        var html = await client.GetStringAsync("/docs/");

        var urls = UrlAttribute().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(urls);
        foreach (var url in urls)
        {
            Assert.False(Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Host != server.BaseAddress.Host, $"/docs references {url}");
            Assert.DoesNotContain("//", url, StringComparison.Ordinal);
            using var asset = await client.GetAsync(new Uri(new Uri(server.BaseAddress, "/docs/"), url));
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        // Scalar's default fonts come from fonts.scalar.com and its client button opens client.scalar.com.
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"hideClientButton\":true", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    private async Task<string> SaveDocumentAsync()
    {
        using var client = server.CreateClient();
        var file = Path.Combine(server.DataPath, $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await client.GetStringAsync("/openapi/v1.json"));
        return file;
    }

    /// <summary>The <c>type</c> lists of every schema that allows a number, flattened.</summary>
    private static List<string> TypesOfNumbers(JsonElement element)
    {
        var found = new List<string>();
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
                && type.EnumerateArray().Any(t => t.GetString() is "integer" or "number"))
            {
                found.AddRange(type.EnumerateArray().Select(t => t.GetRawText()));
            }

            foreach (var property in element.EnumerateObject())
            {
                found.AddRange(TypesOfNumbers(property.Value));
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                found.AddRange(TypesOfNumbers(item));
            }
        }

        return found;
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""")]
    private static partial Regex UrlAttribute();
}
