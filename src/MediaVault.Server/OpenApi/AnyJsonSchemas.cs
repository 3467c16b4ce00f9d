using Microsoft.OpenApi;

namespace MediaVault.Server.OpenApi;

/// <summary>
/// A nullable <c>JsonNode</c> property is generated as <c>oneOf [null, JsonNode]</c>, and <c>JsonNode</c> is the empty
/// schema (any JSON), so null matches both branches, which <c>oneOf</c> forbids. Such a property is simply any JSON.
/// </summary>
public static class AnyJsonSchemas
{
    private const string AnyJson = "JsonNode";

    public static void Simplify(OpenApiDocument document)
    {
        var schemas = new List<IOpenApiSchema>(document.Components?.Schemas?.Values ?? Enumerable.Empty<IOpenApiSchema>());
        foreach (var operation in document.Paths?.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()) ?? [])
        {
            var media = (operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                .Concat(operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>());
            schemas.AddRange(media.Select(m => m.Schema).OfType<IOpenApiSchema>());
        }

        var references = 0;
        foreach (var schema in schemas)
        {
            references += Visit(schema, depth: 0);
        }

        if (references == 0)
        {
            document.Components?.Schemas?.Remove(AnyJson);
        }
    }

    /// <returns>How many references to the any-JSON schema remain under <paramref name="schema"/>.</returns>
    private static int Visit(IOpenApiSchema schema, int depth)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return reference.Reference.Id == AnyJson ? 1 : 0;
        }

        if (schema is not OpenApiSchema concrete || depth > 32)
        {
            return 0;
        }

        if (concrete.OneOf is { Count: 2 } oneOf
            && oneOf.Any(s => s is OpenApiSchemaReference { Reference.Id: AnyJson })
            && oneOf.Any(s => s is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            concrete.OneOf = null;
        }

        return (concrete.Properties?.Values ?? []).Append(concrete.Items).Append(concrete.AdditionalProperties)
            .Concat(concrete.OneOf ?? []).Concat(concrete.AnyOf ?? []).Concat(concrete.AllOf ?? [])
            .OfType<IOpenApiSchema>().Sum(child => Visit(child, depth + 1));
    }
}
