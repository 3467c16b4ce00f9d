using System.Text.Json.Nodes;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// Writes a catalogue document: <c>application/ld+json</c> or <c>application/json</c> as negotiated
/// (<see cref="CatalogNegotiation"/>), problems always as <c>application/problem+json</c>. A document names its context
/// by IRI (<c>/rest/api/contexts/Media</c>); it is written with that context embedded, absolute, because the reference
/// types <c>@context</c> as an object. Every answer links the Hydra documentation and varies on <c>Accept</c>.
/// </summary>
public sealed class LdJsonResult(JsonNode? body, int statusCode, string contentType = LdJsonResult.LdJson, string? location = null) : IResult
{
    public const string LdJson = CatalogNegotiation.LdJson;
    public const string ProblemJson = "application/problem+json";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        CatalogNegotiation.AddHeaders(httpContext);
        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (body is null)
        {
            return;
        }

        if (body is JsonObject document && document["@context"] is JsonValue iri && iri.TryGetValue<string>(out var contextIri)
            && CatalogContexts.NameOf(contextIri) is { } name
            && CatalogContexts.Build(name, CatalogContexts.Origin(httpContext.Request), embedded: true) is { } context)
        {
            document["@context"] = context;
        }

        var type = contentType == LdJson ? CatalogNegotiation.Choose(httpContext.Request) ?? LdJson : contentType;
        response.ContentType = type + "; charset=utf-8";
        await response.WriteAsync(body.ToJsonString(), httpContext.RequestAborted);
    }
}
