using MediaVault.Server.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MediaVault.Server.OpenApi;

/// <summary>
/// Documents what the pipeline adds around the handlers: on API reads (<see cref="ApiValidators"/>) the
/// <c>If-None-Match</c> header, the 200's <c>ETag</c>, <c>Cache-Control</c> and <c>Vary</c>, and the 304; on every 401
/// the <c>WWW-Authenticate</c> challenge (<see cref="AuthenticationChallenge"/>).
/// </summary>
public static class HttpCachingOperationTransformer
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var surface = metadata.OfType<ApiSurfaceMetadata>().LastOrDefault()?.Surface;
        if (operation.Responses is not { } responses)
        {
            return Task.CompletedTask;
        }

        if (responses.TryGetValue("401", out var unauthorized) && unauthorized is OpenApiResponse challenged)
        {
            challenged.Headers ??= new Dictionary<string, IOpenApiHeader>();
            challenged.Headers["WWW-Authenticate"] = Header(
                $"`Bearer realm=\"{AuthenticationChallenge.Realm}\"`; with `error=\"invalid_token\"` and `error_description` when the credentials sent (JWT or API key) are invalid, expired or revoked.");
        }

        if (context.Description.HttpMethod != HttpMethods.Get || surface is not (ApiSurface.Releases or ApiSurface.Catalog or ApiSurface.Library or ApiSurface.WebPage))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match",
            In = ParameterLocation.Header,
            Required = false,
            Description = "An `ETag` of an earlier answer: 304 with no body when the answer would be byte-identical.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        var validators = new Dictionary<string, IOpenApiHeader>
        {
            ["ETag"] = Header("Weak tag of the answer's exact JSON (the same for every content coding)."),
            ["Cache-Control"] = Header($"`{ApiValidators.CacheControl}`: the answer carries signed URLs; revalidate before reuse."),
            ["Vary"] = Header("The request headers that select the answer: `Accept`, `Accept-Encoding`, `Authorization`, the API key headers (and the organization header on the catalog)."),
        };
        if (responses.TryGetValue("200", out var ok) && ok is OpenApiResponse success)
        {
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var (name, header) in validators)
            {
                success.Headers[name] = header;
            }
        }

        responses["304"] = new OpenApiResponse { Description = "Not Modified: `If-None-Match` matched; no body.", Headers = validators };
        return Task.CompletedTask;
    }

    private static OpenApiHeader Header(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
