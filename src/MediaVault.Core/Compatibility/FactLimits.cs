using MediaVault.Core.Profiles;

namespace MediaVault.Core.Compatibility;

/// <summary>
/// The numeric range a profile allows for one fact: the intersection of every unconditional rule on it that applies
/// to the kind, warnings included (a conformed rendition aims at what the network recommends, not only at what it
/// accepts). Null ends are unbounded.
/// </summary>
public readonly record struct FactLimits(double? Min, double? Max)
{
    public static FactLimits Of(MediaProfile profile, string kind, string fact)
    {
        double? min = null;
        double? max = null;
        foreach (var rule in profile.Rules.Where(r => r.Check.Fact == fact && r.When.Count == 0 && r.AppliesTo.Contains(kind, StringComparer.OrdinalIgnoreCase)))
        {
            if (rule.Check.Min is { } low)
            {
                min = min is { } current ? Math.Max(current, low) : low;
            }

            if (rule.Check.Max is { } high)
            {
                max = max is { } current ? Math.Min(current, high) : high;
            }
        }

        // A warning narrower than an error range can contradict it only through a bad profile; the error range wins then.
        if (min > max)
        {
            var errors = profile.Rules.Where(r => r.Check.Fact == fact && r.Severity == RuleSeverity.Error && r.When.Count == 0 && r.AppliesTo.Contains(kind, StringComparer.OrdinalIgnoreCase)).ToList();
            min = errors.Select(r => r.Check.Min).Where(v => v is not null).DefaultIfEmpty(null).Max();
            max = errors.Select(r => r.Check.Max).Where(v => v is not null).DefaultIfEmpty(null).Min();
        }

        return new FactLimits(min, max);
    }

    public double Clamp(double value) => Math.Min(Max ?? double.PositiveInfinity, Math.Max(Min ?? double.NegativeInfinity, value));
}
