using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// Writes a JSON-LD document as <c>application/ld+json</c>, or as <c>application/json</c> when the client asks only
/// for that; problems are always <c>application/problem+json</c>.
/// </summary>
public sealed class LdJsonResult(JsonNode? body, int statusCode, string contentType = LdJsonResult.LdJson, string? location = null) : IResult
{
    public const string LdJson = "application/ld+json";
    public const string ProblemJson = "application/problem+json";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (body is null)
        {
            return;
        }

        var type = contentType == LdJson && PrefersPlainJson(httpContext.Request) ? "application/json" : contentType;
        response.ContentType = type + "; charset=utf-8";
        await response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }

    private static bool PrefersPlainJson(HttpRequest request)
    {
        var accepts = request.GetTypedHeaders().Accept;
        return accepts.Count > 0
            && accepts.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accepts.Any(a => a.MediaType.Equals(LdJson, StringComparison.OrdinalIgnoreCase));
    }
}
