using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// A JSON object request body read field by field, so each wrong type becomes a 400 that names its field in the
/// reference's words. Accepts <c>application/json</c>, <c>application/ld+json</c> and <c>application/merge-patch+json</c>.
/// </summary>
public sealed class CatalogBody
{
    private static readonly string[] Types = ["application/json", "application/ld+json", "application/merge-patch+json"];

    private CatalogBody(JsonObject fields) => Fields = fields;

    public JsonObject Fields { get; }

    public bool Has(string name) => Fields.ContainsKey(name);

    public static async Task<CatalogOutcome<CatalogBody>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !Types.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return CatalogError.UnsupportedMediaType($"The content-type \"{mediaType}\" is not supported. Supported MIME types are \"{string.Join("\", \"", Types)}\".");
        }

        var limited = JsonBodyLimit.Apply(request);
        if (limited.Failed)
        {
            return CatalogError.TooLarge(limited.Failure.Message);
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return node is JsonObject fields
                ? new CatalogBody(fields)
                : CatalogError.BadRequest("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            return CatalogError.BadRequest($"Syntax error: {ex.Message}");
        }
        catch (BadHttpRequestException ex) when (JsonBodyLimit.IsTooLarge(ex))
        {
            return CatalogError.TooLarge(JsonBodyLimit.TooLarge(request).Message);
        }
    }

    /// <summary>
    /// An optional string field: absent (unchanged), null, or a string of at most <paramref name="maxLength"/>
    /// characters; anything else is a 400 naming it (a value too long also lists the violation).
    /// </summary>
    public bool TryString(string name, int maxLength, out string? value, [NotNullWhen(false)] out CatalogError? error)
    {
        value = null;
        error = null;
        if (!Fields.TryGetPropertyValue(name, out var node) || node is null)
        {
            return true;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            value = text;
            error = LengthError(name, text, maxLength);
            return error is null;
        }

        error = TypeError(name, "string", node);
        return false;
    }

    /// <summary>An optional array of strings of at most <paramref name="maxLength"/> characters each; null means empty.</summary>
    public bool TryStringList(string name, int maxLength, out List<string>? values, [NotNullWhen(false)] out CatalogError? error)
    {
        values = null;
        error = null;
        if (!Fields.TryGetPropertyValue(name, out var node))
        {
            return true;
        }

        if (node is null)
        {
            values = [];
            return true;
        }

        if (node is not JsonArray array)
        {
            error = TypeError(name, "array", node);
            return false;
        }

        values = [];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue item && item.TryGetValue<string>(out var text))
            {
                if (LengthError($"{name}[{i}]", text, maxLength) is { } tooLong)
                {
                    error = tooLong;
                    return false;
                }

                values.Add(text);
            }
            else
            {
                error = TypeError($"{name}[{i}]", "string", array[i]);
                return false;
            }
        }

        return true;
    }

    /// <summary>The reference's validator wording for a string past its maximum, naming the field.</summary>
    private static CatalogError? LengthError(string name, string text, int maxLength) =>
        text.Length > maxLength
            ? CatalogError.BadRequest(new ConstraintViolation(name, $"This value is too long. It should have {maxLength} characters or less.", ViolationCodes.TooLong))
            : null;

    /// <summary>A value of the wrong JSON type: a plain 400 in API Platform's wording, as it answers a denormalization error.</summary>
    private static CatalogError TypeError(string name, string expected, JsonNode? actual) =>
        CatalogError.BadRequest($"The type of the \"{name}\" attribute must be \"{expected}\", \"{Describe(actual)}\" given.");

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        JsonValueKind.Number => "int",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "string",
    };
}
