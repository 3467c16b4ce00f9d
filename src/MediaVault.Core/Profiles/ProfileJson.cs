using System.Text.Json;
using System.Text.RegularExpressions;

namespace MediaVault.Core.Profiles;

/// <summary>Reads profiles from their JSON files (the built-in ones embedded in this assembly, or a deployment's folder).</summary>
public static partial class ProfileJson
{
    private const string BuiltInPrefix = "MediaVault.Core.Profiles.BuiltIn.";

    /// <summary>The profiles shipped with MediaVault.</summary>
    public static IReadOnlyList<MediaProfile> LoadBuiltIn()
    {
        var assembly = typeof(ProfileJson).Assembly;
        var profiles = new List<MediaProfile>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(BuiltInPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            profiles.Add(Parse(stream, resource[BuiltInPrefix.Length..]));
        }

        return profiles;
    }

    /// <summary>Every <c>*.json</c> file of <paramref name="directory"/>; throws <see cref="ProfileFormatException"/> naming a bad file.</summary>
    public static IReadOnlyList<MediaProfile> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ProfileFormatException($"Profiles:Directory '{directory}' does not exist.");
        }

        var profiles = new List<MediaProfile>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            profiles.Add(Parse(stream, Path.GetFileName(file)));
        }

        return profiles;
    }

    /// <summary>One profile; <paramref name="fileName"/> names the source in errors and must be the profile's name + <c>.json</c>.</summary>
    public static MediaProfile Parse(Stream json, string fileName)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var name = RequiredText(root, "name");
            if (!NamePattern().IsMatch(name) || !string.Equals(fileName, name + ".json", StringComparison.Ordinal))
            {
                throw new ProfileFormatException($"{fileName}: name '{name}' must be lower-case letters, digits and dashes, and the file must be named '{name}.json'.");
            }

            var scope = RequiredText(root, "scope");
            if (scope is not ("release" or "library"))
            {
                throw new ProfileFormatException($"{fileName}: scope must be 'release' or 'library'.");
            }

            var rules = root.TryGetProperty("rules", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(ParseRule).ToList()
                : throw new ProfileFormatException($"{fileName}: 'rules' must be an array.");
            if (rules.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() != rules.Count)
            {
                throw new ProfileFormatException($"{fileName}: rule ids must be unique.");
            }

            return new MediaProfile(
                name,
                RequiredText(root, "title"),
                scope,
                OptionalText(root, "network"),
                OptionalText(root, "placement"),
                RequiredText(root, "source"),
                RequiredText(root, "checkedOn"),
                rules);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new ProfileFormatException($"{fileName}: {ex.Message}", ex);
        }
    }

    private static ProfileRule ParseRule(JsonElement rule)
    {
        var severity = RequiredText(rule, "severity") switch
        {
            "error" => RuleSeverity.Error,
            "warning" => RuleSeverity.Warning,
            var other => throw new FormatException($"rule severity '{other}' is not 'error' or 'warning'"),
        };
        var missing = OptionalText(rule, "whenMissing") switch
        {
            null or "skip" => MissingFactPolicy.Skip,
            "fail" => MissingFactPolicy.Fail,
            var other => throw new FormatException($"whenMissing '{other}' is not 'skip' or 'fail'"),
        };
        var appliesTo = rule.TryGetProperty("appliesTo", out var kinds) && kinds.ValueKind == JsonValueKind.Array
            ? kinds.EnumerateArray().Select(k => k.GetString() ?? throw new FormatException("appliesTo holds a non-text value")).ToList()
            : throw new FormatException($"rule '{RequiredText(rule, "id")}' needs an 'appliesTo' array");
        var when = rule.TryGetProperty("when", out var conditions) && conditions.ValueKind == JsonValueKind.Array
            ? conditions.EnumerateArray().Select(ParseCondition).ToList()
            : [];
        return new ProfileRule(
            RequiredText(rule, "id"),
            severity,
            appliesTo,
            ParseCondition(rule),
            when,
            missing,
            RequiredText(rule, "message"),
            RequiredText(rule, "remediation"));
    }

    private static RuleCondition ParseCondition(JsonElement element) => new(
        RequiredText(element, "fact"),
        Values(element, "oneOf"),
        Values(element, "noneOf"),
        element.TryGetProperty("min", out var min) ? min.GetDouble() : null,
        element.TryGetProperty("max", out var max) ? max.GetDouble() : null,
        element.TryGetProperty("is", out var flag) ? flag.GetBoolean() : null);

    private static List<FactValue>? Values(JsonElement element, string property) =>
        element.TryGetProperty(property, out var list)
            ? list.EnumerateArray().Select(v => v.ValueKind switch
            {
                JsonValueKind.Number => FactValue.Of(v.GetDouble()),
                JsonValueKind.String => FactValue.Of(v.GetString()!),
                JsonValueKind.True or JsonValueKind.False => FactValue.Of(v.GetBoolean()),
                _ => throw new FormatException($"'{property}' holds a value that is not a number, text or flag"),
            }).ToList()
            : null;

    private static string RequiredText(JsonElement element, string property) =>
        OptionalText(element, property) is { Length: > 0 } text ? text : throw new FormatException($"'{property}' is required text");

    private static string? OptionalText(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
