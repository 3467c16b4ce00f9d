using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// Checks every answer a test client receives against the server's own OpenAPI document: the status must be documented
/// for the operation (method and path template), and a JSON body must match the documented schema of that status and
/// media type. A violation fails the request (an <see cref="OpenApiViolationException"/>), so a test that receives an
/// undocumented answer fails; with <c>MEDIAVAULT_OPENAPI_VALIDATION=report</c> violations are only appended to
/// <see cref="ReportPath"/>. Paths outside the document (the web page, /docs, health) are not checked.
/// </summary>
public sealed class OpenApiResponseValidator(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<JsonDocument?>>> Documents = new();

    public static string ReportPath { get; } = Path.Combine(Path.GetTempPath(), "mediavault-openapi-violations.log");

    private static bool ReportOnly => Environment.GetEnvironmentVariable("MEDIAVAULT_OPENAPI_VALIDATION") == "report";

    /// <summary>A handler for a test's own <see cref="HttpClient"/>.</summary>
    public static HttpMessageHandler Handler() => new OpenApiResponseValidator(new HttpClientHandler());

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri is not { } uri || uri.AbsolutePath.StartsWith("/openapi/", StringComparison.Ordinal))
        {
            return response;
        }

        var document = await Documents.GetOrAdd(uri.GetLeftPart(UriPartial.Authority),
            origin => new Lazy<Task<JsonDocument?>>(() => LoadAsync(origin))).Value;
        if (document is null)
        {
            return response;
        }

        var violations = await CheckAsync(document.RootElement, request.Method.Method, uri.AbsolutePath, response);
        if (Environment.GetEnvironmentVariable("MEDIAVAULT_OPENAPI_COVERAGE") is { Length: > 0 } coverage
            && FindOperation(document.RootElement, request.Method.Method, uri.AbsolutePath) is { } checkedOperation)
        {
            await File.AppendAllTextAsync(coverage, $"{checkedOperation.GetProperty("operationId").GetString()} {(int)response.StatusCode} {violations.Count}\n", CancellationToken.None);
        }
        if (violations.Count == 0)
        {
            return response;
        }

        var message = $"{request.Method} {uri.PathAndQuery} answered {(int)response.StatusCode}, which the OpenAPI document does not describe:\n  "
            + string.Join("\n  ", violations);
        if (ReportOnly)
        {
            await File.AppendAllTextAsync(ReportPath, message + "\n", CancellationToken.None);
            return response;
        }

        response.Dispose();
        throw new OpenApiViolationException(message);
    }

    /// <summary>The violations of one answer; empty when the path is not in the document.</summary>
    public static async Task<List<string>> CheckAsync(JsonElement document, string method, string path, HttpResponseMessage response)
    {
        if (FindOperation(document, method, path) is not { } operation)
        {
            return [];
        }

        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(status, out var documented)
            && !operation.GetProperty("responses").TryGetProperty(status[0] + "XX", out documented)
            && !operation.GetProperty("responses").TryGetProperty("default", out documented))
        {
            return [$"status {status} is not documented"];
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (method == "HEAD" || mediaType is null || !(mediaType.EndsWith("/json", StringComparison.Ordinal) || mediaType.EndsWith("+json", StringComparison.Ordinal)))
        {
            return [];
        }

        await response.Content.LoadIntoBufferAsync();
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return [];
        }

        if (!documented.TryGetProperty("content", out var content))
        {
            return [$"a {mediaType} body is not documented"];
        }

        if (!content.TryGetProperty(mediaType, out var media) && !content.TryGetProperty("*/*", out media))
        {
            return [$"{mediaType} is not documented (documented: {string.Join(", ", content.EnumerateObject().Select(c => c.Name))})"];
        }

        // Bytes documented as binary (a JSON rendition behind /files) have no schema to check.
        if (!media.TryGetProperty("schema", out var schema) || (schema.TryGetProperty("format", out var format) && format.GetString() == "binary"))
        {
            return [];
        }

        using var body = JsonDocument.Parse(text);
        return new JsonSchemaSubset(document).Validate(schema, body.RootElement);
    }

    /// <summary>The operation whose path template matches <paramref name="path"/>, preferring literal segments over parameters.</summary>
    public static JsonElement? FindOperation(JsonElement document, string method, string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        JsonElement? best = null;
        var bestLiterals = -1;
        foreach (var template in document.GetProperty("paths").EnumerateObject())
        {
            var parts = template.Name.TrimEnd('/').Split('/');
            if (parts.Length != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < parts.Length && matches; i++)
            {
                var parameter = parts[i].StartsWith('{') && parts[i].EndsWith('}');
                matches = parameter ? segments[i].Length > 0 : string.Equals(parts[i], segments[i], StringComparison.Ordinal);
                literals += parameter ? 0 : 1;
            }

            if (matches && literals > bestLiterals && template.Value.TryGetProperty(method.ToLowerInvariant(), out var operation))
            {
                best = operation;
                bestLiterals = literals;
            }
        }

        return best;
    }

    /// <summary>The origin's document, or null when the origin is not a MediaVault server (an S3 bucket behind a presigned URL).</summary>
    private static async Task<JsonDocument?> LoadAsync(string origin)
    {
        using var client = new HttpClient { BaseAddress = new Uri(origin), Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.GetAsync("/openapi/v1.json");
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
    }
}

/// <summary>An answer the OpenAPI document does not describe.</summary>
public sealed class OpenApiViolationException(string message) : Exception(message);
