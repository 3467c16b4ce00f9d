using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// The part of JSON Schema the OpenAPI document uses: <c>$ref</c> (to <c>#/components/schemas</c>), <c>type</c> (one or a
/// list, with OpenAPI 3.0's <c>nullable</c>), <c>enum</c>, <c>const</c>, <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>. Formats are not checked.
/// </summary>
public sealed class JsonSchemaSubset(JsonElement document)
{
    public List<string> Validate(JsonElement schema, JsonElement value, string path = "$")
    {
        var errors = new List<string>();
        Check(schema, value, path, errors, depth: 0);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 64)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(Resolve(reference.GetString()!), value, path, errors, depth + 1);
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var branch in allOf.EnumerateArray())
            {
                Check(branch, value, path, errors, depth + 1);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty(keyword, out var branches))
            {
                continue;
            }

            var matching = branches.EnumerateArray().Count(branch => Validate(branch, value, path).Count == 0);
            if (keyword == "oneOf" && matching > 1)
            {
                errors.Add($"{path}: matches {matching} branches of oneOf, which allows exactly one");
            }
            else if (matching == 0)
            {
                var reasons = branches.EnumerateArray().Select(branch => string.Join("; ", Validate(branch, value, path))).ToList();
                errors.Add($"{path}: matches no branch of {keyword} ({string.Join(" | ", reasons)})");
            }
        }

        if (schema.TryGetProperty("type", out var type) && !TypeMatches(type, value, Nullable(schema)))
        {
            errors.Add($"{path}: {Describe(value)} is not {type.GetRawText()}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value))
            && !(value.ValueKind == JsonValueKind.Null && Nullable(schema)))
        {
            errors.Add($"{path}: {value.GetRawText()} is not one of {allowed.GetRawText()}");
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
        {
            errors.Add($"{path}: {value.GetRawText()} is not {constant.GetRawText()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(schema, value, path, errors, depth);
        }
        else if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(items, item, $"{path}[{index++}]", errors, depth + 1);
            }
        }
    }

    private void CheckObject(JsonElement schema, JsonElement value, string path, List<string> errors, int depth)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{path}: required property '{name}' is missing");
                }
            }
        }

        schema.TryGetProperty("properties", out var properties);
        schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(propertySchema, property.Value, $"{path}.{property.Name}", errors, depth + 1);
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: property '{property.Name}' is not allowed");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(additional, property.Value, $"{path}.{property.Name}", errors, depth + 1);
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        const string prefix = "#/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Only local references are supported: {reference}");
        }

        var node = document;
        foreach (var part in reference[prefix.Length..].Split('/'))
        {
            node = node.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return node;
    }

    private static bool Nullable(JsonElement schema) => schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True;

    private static bool TypeMatches(JsonElement type, JsonElement value, bool nullable)
    {
        if (value.ValueKind == JsonValueKind.Null && nullable)
        {
            return true;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Any(t => KindMatches(t.GetString()!, value))
            : KindMatches(type.GetString()!, value);
    }

    private static bool KindMatches(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number == decimal.Truncate(number),
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static string Describe(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
