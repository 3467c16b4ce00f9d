using MediaVault.Server.Api.Catalog;
using MediaVault.Server.Api.Library;
using MediaVault.Server.Api.Releases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MediaVault.Server.OpenApi;

/// <summary>
/// Completes each operation from its endpoint metadata: credentials, the surface's headers, the bodies handlers read
/// themselves, and every error status with the surface's error body.
/// </summary>
public static class SurfaceOperationTransformer
{
    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";
    private const string PlainText = "text/plain";

    public static async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<ApiSurfaceMetadata>().LastOrDefault()?.Surface is not { } surface || context.Document is not { } document)
        {
            return;
        }

        var anonymous = surface == ApiSurface.Delivery || metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = anonymous ? [] : SecuritySchemes.Requirements(document);

        // One endpoint serving GET and HEAD gives two operations; their ids must differ.
        if (context.Description.HttpMethod == HttpMethods.Head && operation.OperationId is { } id && metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Count > 1))
        {
            operation.OperationId = id + "Head";
        }

        operation.Parameters ??= [];
        if (surface == ApiSurface.Catalog && !anonymous)
        {
            operation.Parameters.Add(Header(CatalogAccessFilter.OrganizationHeader, required: true,
                "The organization (tenant) to act for: the token's `tenant` or one of its `orgs`.", integer: false));
        }

        foreach (var parameter in metadata.OfType<ParameterMetadata>())
        {
            var documented = Header(parameter.Name, parameter.Required, parameter.Description, parameter.Integer);
            documented.In = parameter.InHeader ? ParameterLocation.Header : ParameterLocation.Query;
            operation.Parameters.Add(documented);
        }

        if (metadata.OfType<RequestBodyMetadata>().LastOrDefault() is { } body)
        {
            operation.RequestBody = RequestBody(body);
        }

        operation.Responses ??= [];
        var raw = metadata.OfType<RawResponseMetadata>().ToList();
        foreach (var response in raw)
        {
            operation.Responses[Code(response.StatusCode)] = new OpenApiResponse
            {
                Description = response.Description,
                Content = response.ContentType is null ? null : new Dictionary<string, OpenApiMediaType>
                {
                    [response.ContentType] = new() { Schema = response.ContentType.StartsWith("text/", StringComparison.Ordinal)
                        ? new OpenApiSchema { Type = JsonSchemaType.String }
                        : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                },
                Headers = response.Headers.Count == 0 ? null : response.Headers.ToDictionary(
                    h => h, IOpenApiHeader (h) => new OpenApiHeader { Schema = new OpenApiSchema { Type = JsonSchemaType.String } }),
            };
        }

        // The framework documents a bare 200 for an endpoint that declares nothing; drop it where the endpoint says
        // which success it answers instead (201, 204).
        if (operation.Responses.TryGetValue("200", out var ok) && ok.Content is null or { Count: 0 } && raw.All(r => r.StatusCode != 200)
            && operation.Responses.Keys.Any(k => k.StartsWith('2') && k != "200"))
        {
            operation.Responses.Remove("200");
        }

        // Every 201 names what it created (the handlers answer Created<T>, LdJsonCreated<T> or tus's Created).
        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse createdResponse)
        {
            createdResponse.Headers ??= new Dictionary<string, IOpenApiHeader>();
            createdResponse.Headers.TryAdd("Location", new OpenApiHeader
            {
                Description = "The URL of what was created",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var errors = DefaultErrors(surface, anonymous).Concat(metadata.OfType<ErrorResponsesMetadata>().SelectMany(m => m.StatusCodes)).Distinct().Order();
        var (errorType, contentType) = ErrorBody(surface);
        IOpenApiSchema? errorSchema = null;
        foreach (var status in errors)
        {
            if (operation.Responses.ContainsKey(Code(status)))
            {
                continue;
            }

            // Unhandled exceptions on tus are written in the release shape (ErrorResponses), not tus's plain text.
            var (type, mediaType) = status == 500 && surface == ApiSurface.Tus ? (typeof(DeliveryError), Json) : (errorType, contentType);
            IOpenApiSchema schema = type is null
                ? new OpenApiSchema { Type = JsonSchemaType.String }
                : type == errorType ? errorSchema ??= await ComponentAsync(type, context, document, cancellationToken) : await ComponentAsync(type, context, document, cancellationToken);
            operation.Responses[Code(status)] = new OpenApiResponse
            {
                Description = status == 460 ? "Checksum Mismatch (tus checksum extension)" : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType> { [mediaType] = new() { Schema = schema } },
            };
        }
    }

    /// <summary>
    /// What any operation of a surface may answer. 507: any request may write (the first request of a new tenant creates
    /// it), and a disk that filled up under the database is told as such, not as a 500.
    /// </summary>
    private static IEnumerable<int> DefaultErrors(ApiSurface surface, bool anonymous) => surface switch
    {
        ApiSurface.Delivery => [400, 403, 404, 500, 507],
        ApiSurface.Tus => anonymous ? [500, 507] : [400, 401, 403, 404, 412, 500, 507],
        ApiSurface.WebPage => [401, 403, 404, 500, 507],
        ApiSurface.Catalog when anonymous => [404, 406, 500, 507],
        ApiSurface.Catalog => [400, 401, 403, 404, 406, 500, 507],
        _ when anonymous => [400, 403, 404, 500, 507],
        _ => [400, 401, 403, 404, 500, 507],
    };

    private static (Type? Type, string ContentType) ErrorBody(ApiSurface surface) => surface switch
    {
        ApiSurface.Releases or ApiSurface.WebPage => (typeof(ReleaseError), Json),
        ApiSurface.Library => (typeof(LibraryError), Json),
        ApiSurface.Catalog => (typeof(CatalogProblem), ProblemJson),
        ApiSurface.Tus => (null, PlainText),
        ApiSurface.Delivery => (typeof(DeliveryError), Json),
        _ => throw new ArgumentOutOfRangeException(nameof(surface), surface, null),
    };

    private static async Task<IOpenApiSchema> ComponentAsync(Type type, OpenApiOperationTransformerContext context, OpenApiDocument document, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(type.Name))
        {
            document.Components.Schemas[type.Name] = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        }

        return new OpenApiSchemaReference(type.Name, document);
    }

    private static OpenApiRequestBody RequestBody(RequestBodyMetadata body)
    {
        var binary = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        IOpenApiSchema schema = body.FileFields.Count == 0 ? binary : new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(body.FileFields),
            Properties = body.FileFields.ToDictionary(f => f, IOpenApiSchema (_) => body.Repeated
                ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = binary }
                : binary),
        };
        return new OpenApiRequestBody
        {
            Required = body.Required,
            Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = schema } },
        };
    }

    private static OpenApiParameter Header(string name, bool required, string description, bool integer) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = integer ? JsonSchemaType.Integer : JsonSchemaType.String },
    };

    private static string Code(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
