using System.Globalization;

namespace MediaVault.Core.Profiles;

/// <summary>Checks measured facts against a profile's rules.</summary>
public static class ProfileEvaluator
{
    /// <summary>The rules of <paramref name="profile"/> that apply to a media of <paramref name="kind"/> and are broken.</summary>
    public static IReadOnlyList<ProfileFinding> Evaluate(MediaProfile profile, string kind, MediaFacts facts)
    {
        var findings = new List<ProfileFinding>();
        foreach (var rule in profile.Rules)
        {
            if (!rule.AppliesTo.Contains(kind, StringComparer.OrdinalIgnoreCase) || !rule.When.All(c => Holds(c, facts)))
            {
                continue;
            }

            if (!facts.TryGet(rule.Check.Fact, out var measured))
            {
                if (rule.WhenMissing == MissingFactPolicy.Fail)
                {
                    findings.Add(Finding(rule, null));
                }

                continue;
            }

            if (!rule.Check.HoldsFor(measured))
            {
                findings.Add(Finding(rule, measured));
            }
        }

        return findings;
    }

    /// <summary>What a condition asks for, in words: "one of flac, wav", "≥ 44100", "between 0.8 and 1.91".</summary>
    public static string Describe(RuleCondition condition)
    {
        var parts = new List<string>();
        if (condition.OneOf is { } allowed)
        {
            parts.Add(allowed.Count == 1 ? allowed[0].ToString() : "one of " + string.Join(", ", allowed));
        }

        if (condition.NoneOf is { } refused)
        {
            parts.Add("not " + string.Join(", ", refused));
        }

        parts.Add((condition.Min, condition.Max) switch
        {
            ({ } min, { } max) when min.Equals(max) => Number(min),
            ({ } min, { } max) => $"between {Number(min)} and {Number(max)}",
            ({ } min, null) => "≥ " + Number(min),
            (null, { } max) => "≤ " + Number(max),
            _ => string.Empty,
        });

        if (condition.Is is { } flag)
        {
            parts.Add(flag ? "true" : "false");
        }

        var described = string.Join("; ", parts.Where(p => p.Length > 0));
        return described.Length > 0 ? described : "present";
    }

    private static bool Holds(RuleCondition condition, MediaFacts facts) =>
        facts.TryGet(condition.Fact, out var value) && condition.HoldsFor(value);

    private static ProfileFinding Finding(ProfileRule rule, FactValue? measured) =>
        new(rule.Id, rule.Severity, rule.Message, rule.Remediation, measured, Describe(rule.Check));

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
