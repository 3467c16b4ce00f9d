using Microsoft.OpenApi;

namespace MediaVault.Server.OpenApi;

/// <summary>The credentials every authenticated operation accepts: a bearer JWT, or an API key as two headers.</summary>
public static class SecuritySchemes
{
    public const string Bearer = "bearer";
    public const string ApiKeyId = "apiKeyId";
    public const string ApiKeySecret = "apiKeySecret";

    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An HS256 JWT (claims `sub`, `tenant`, `permissions`), or an API key written `<apiId>.<secret>`.",
            },
            [ApiKeyId] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-API-ID", Description = "API key id; send with X-API-KEY." },
            [ApiKeySecret] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-API-KEY", Description = "API key secret; send with X-API-ID." },
        };
    }

    public static List<OpenApiSecurityRequirement> Requirements(OpenApiDocument document) =>
    [
        new() { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] },
        new()
        {
            [new OpenApiSecuritySchemeReference(ApiKeyId, document)] = [],
            [new OpenApiSecuritySchemeReference(ApiKeySecret, document)] = [],
        },
    ];
}
