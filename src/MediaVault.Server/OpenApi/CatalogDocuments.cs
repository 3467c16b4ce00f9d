using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MediaVault.Server.OpenApi;

// The catalogue surface builds its JSON-LD as JsonObject (CatalogJsonLd, CatalogViews, CatalogProblems); these records
// only describe those shapes for the OpenAPI document. The HTTP tests validate every catalogue answer against them.

/// <summary>A catalogue problem (<c>application/problem+json</c>) with its JSON-LD keys.</summary>
public sealed record CatalogProblem(
    [property: JsonPropertyName("@context")] JsonObject Context,
    [property: JsonPropertyName("@id")] string Id,
    [property: JsonPropertyName("@type")] string Type,
    [property: JsonPropertyName("type")] string ProblemType,
    string Title,
    int Status,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Instance,
    [property: JsonPropertyName("hydra:title")] string HydraTitle,
    [property: JsonPropertyName("hydra:description")] string HydraDescription,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? MissingPermissions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? ReferencedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CatalogViolation>? Violations);

/// <summary>One invalid field; <c>code</c> is Symfony Validator's constraint code where one applies, else a <c>mediavault:</c> code.</summary>
public sealed record CatalogViolation(string PropertyPath, string Message, string Code);

/// <summary>The Hydra entrypoint: the IRI of each collection.</summary>
public sealed record CatalogEntrypointDocument(
    [property: JsonPropertyName("@context")] JsonObject Context,
    [property: JsonPropertyName("@id")] string Iri,
    [property: JsonPropertyName("@type")] string JsonLdType,
    string Media,
    string Product,
    string Variant);

/// <summary>A <c>hydra:ApiDocumentation</c>; its <c>@context</c> is an array (Hydra's terms, then the API vocabulary).</summary>
public sealed record CatalogApiDocumentationDocument(
    [property: JsonPropertyName("@context")] JsonArray Context,
    [property: JsonPropertyName("@id")] string Iri,
    [property: JsonPropertyName("@type")] string JsonLdType,
    [property: JsonPropertyName("hydra:title")] string Title,
    [property: JsonPropertyName("hydra:description")] string Description,
    [property: JsonPropertyName("hydra:entrypoint")] string Entrypoint,
    [property: JsonPropertyName("hydra:supportedClass")] IReadOnlyList<JsonObject> SupportedClass);

/// <summary>A JSON-LD context document.</summary>
public sealed record CatalogContextDocument([property: JsonPropertyName("@context")] JsonObject Context);

public sealed record CatalogDimensions(int Width, int Height);

/// <summary>A catalogue media; <c>@context</c> only at the top level.</summary>
public sealed record CatalogMedia(
    [property: JsonPropertyName("@context"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Context,
    [property: JsonPropertyName("@id")] string Iri,
    [property: JsonPropertyName("@type")] string JsonLdType,
    string Id,
    string? ContentUrl,
    string? MimeType,
    string Type,
    string? Hash,
    CatalogDimensions? Dimensions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A catalogue variant; <c>product</c> and <c>medias</c> are IRIs.</summary>
public sealed record CatalogVariant(
    [property: JsonPropertyName("@context"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Context,
    [property: JsonPropertyName("@id")] string Iri,
    [property: JsonPropertyName("@type")] string JsonLdType,
    string Id,
    string Product,
    string? Name,
    string? Sku,
    IReadOnlyList<string> Medias,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A catalogue product; <c>variants</c> holds IRIs, or the variants themselves with <c>?expand=variants</c>.</summary>
public sealed record CatalogProduct(
    [property: JsonPropertyName("@context"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Context,
    [property: JsonPropertyName("@id")] string Iri,
    [property: JsonPropertyName("@type")] string JsonLdType,
    string Id,
    string? Name,
    string? Sku,
    string? Description,
    IReadOnlyList<string> Medias,
    IReadOnlyList<JsonNode> Variants,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A <c>hydra:Collection</c> page.</summary>
public sealed record CatalogCollection<T>(
    [property: JsonPropertyName("@context")] JsonObject Context,
    [property: JsonPropertyName("@id")] string Iri,
    [property: JsonPropertyName("@type")] string JsonLdType,
    [property: JsonPropertyName("hydra:member")] IReadOnlyList<T> Member,
    [property: JsonPropertyName("hydra:totalItems")] int TotalItems,
    [property: JsonPropertyName("hydra:view")] JsonObject View,
    [property: JsonPropertyName("hydra:search"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Search);

/// <summary>Body of product create and merge-patch (every field optional on PATCH).</summary>
public sealed class CatalogProductInput
{
    public string? Name { get; init; }

    public string? Sku { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string>? Medias { get; init; }
}

/// <summary>Body of variant create and merge-patch (every field optional on PATCH).</summary>
public sealed class CatalogVariantInput
{
    public string? Product { get; init; }

    public string? Name { get; init; }

    public string? Sku { get; init; }

    public IReadOnlyList<string>? Medias { get; init; }
}
