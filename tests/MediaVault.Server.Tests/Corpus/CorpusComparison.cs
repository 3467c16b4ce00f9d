using System.Globalization;
using System.Text.Json;

namespace MediaVault.Server.Tests.Corpus;

/// <summary>
/// Compares MediaVault's view of a file with the reference answer, field by field. A value the reference has and
/// MediaVault does not show is a miss with reason "not reported".
/// </summary>
public static class CorpusComparison
{
    public const double DurationTolerance = 0.05;

    /// <summary>
    /// Reference field, then the metadata keys MediaVault shows it under, first present wins: an animation's frames are
    /// <c>frameCount</c>, a multi-page still's are <c>pages</c>.
    /// </summary>
    private static readonly (string Field, string[] Keys)[] MetadataFields =
    [
        ("duration", ["duration"]), ("sampleRate", ["sampleRate"]), ("channels", ["channels"]), ("codec", ["codec"]),
        ("audioCodec", ["audioCodec"]), ("bitDepth", ["bitDepth"]), ("width", ["width"]), ("height", ["height"]),
        ("orientation", ["orientation"]), ("frames", ["frameCount", "pages"]), ("pageCount", ["pageCount"]), ("encrypted", ["encrypted"]),
    ];

    public static IReadOnlyList<CorpusCheck> Compare(CorpusEntry entry, CorpusOutcome outcome)
    {
        var expected = entry.Expected;
        var readable = expected.GetProperty("readable").GetBoolean();
        var checks = new List<CorpusCheck>();
        var state = outcome.Media is { } media ? media.GetProperty("metadata").GetProperty("state").GetString() ?? "?" : "refused";
        var failure = outcome.Refusal
            ?? (outcome.Media?.GetProperty("metadata").TryGetProperty("failureReason", out var reason) == true ? reason.ToString() : null);
        if (!readable)
        {
            var agreed = state is "failed" or "refused";
            checks.Add(Check(entry, "state", "failed or refused", Describe(state, failure), agreed ? null : "accepted a file the reference tool cannot read"));
            return checks;
        }

        checks.Add(Check(entry, "state", "ready", Describe(state, failure), state == "ready" ? null : state == "refused" ? "refused" : "processing " + state));
        var type = outcome.Media?.GetProperty("type").GetString();
        var expectedType = expected.GetProperty("type").GetString()!;
        checks.Add(Check(entry, "type", expectedType, type ?? "-", type == expectedType ? null : type is null ? "refused" : "differs"));
        var metadata = outcome.Media?.GetProperty("metadata");
        foreach (var (field, keys) in MetadataFields)
        {
            if (!expected.TryGetProperty(field, out var want))
            {
                continue;
            }

            var got = metadata is { } m ? keys.Select(k => m.TryGetProperty(k, out var v) ? v : default).FirstOrDefault(v => v.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null)) : default;
            var present = got.ValueKind != JsonValueKind.Undefined;
            if (!present && field == "frames" && state == "ready" && want.ValueKind == JsonValueKind.Number && want.GetInt32() == 1)
            {
                // MediaVault shows `frameCount` or `pages` only for images with more than one frame.
                checks.Add(Check(entry, field, "1", "(absent: 1)", null));
                continue;
            }

            var wanted = Text(want);
            if (!present)
            {
                checks.Add(Check(entry, field, wanted, "-", state == "ready" ? "not reported" : state == "refused" ? "refused" : "processing " + state));
                continue;
            }

            var agrees = field == "duration"
                ? Number(got) is { } seconds && Math.Abs(seconds - want.GetDouble()) <= DurationTolerance
                : Same(want, got);
            checks.Add(Check(entry, field, wanted, Text(got), agrees ? null : "differs"));
        }

        return checks;
    }

    private static CorpusCheck Check(CorpusEntry entry, string field, string expected, string got, string? reason) =>
        new(entry.Id, entry.Family, field, expected, got, reason);

    private static string Describe(string state, string? failure) =>
        failure is null ? state : $"{state}: {(failure.Length > 120 ? failure[..120] : failure)}";

    private static bool Same(JsonElement want, JsonElement got)
    {
        if (want.ValueKind == JsonValueKind.Number)
        {
            return Number(got) is { } value && Math.Abs(value - want.GetDouble()) < 1e-9;
        }

        return string.Equals(Text(want), Text(got), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Numbers MediaVault shows as strings (sampleRate "44100", channels "2") compare as numbers.</summary>
    private static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
