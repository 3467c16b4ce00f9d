using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MediaVault.Server.OpenApi;

/// <summary>
/// Makes schemas say what the server writes. The web JSON defaults read numbers from strings, so the generator types
/// every number <c>["integer","string"]</c> with a pattern; the server always writes numbers, so the document says
/// integer (a client sending a numeric string is still accepted). And a property the serializer leaves out when
/// null is not required.
/// </summary>
public static class IntegerSchemaTransformer
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.String)
            && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                var ignore = property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).OfType<JsonIgnoreAttribute>().FirstOrDefault();
                if (ignore?.Condition is JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault)
                {
                    required.Remove(property.Name);
                }
            }
        }

        return Task.CompletedTask;
    }
}
