namespace MediaVault.Core.Profiles;

/// <summary>
/// A test on one fact. Every test that is set must hold: <see cref="OneOf"/> (any listed value),
/// <see cref="NoneOf"/> (no listed value), <see cref="Min"/> and <see cref="Max"/> (inclusive, numbers only) and
/// <see cref="Is"/> (a flag's value).
/// </summary>
public sealed record RuleCondition(
    string Fact,
    IReadOnlyList<FactValue>? OneOf = null,
    IReadOnlyList<FactValue>? NoneOf = null,
    double? Min = null,
    double? Max = null,
    bool? Is = null)
{
    public bool HoldsFor(FactValue value)
    {
        if (OneOf is { } allowed && !allowed.Any(value.Matches))
        {
            return false;
        }

        if (NoneOf is { } refused && refused.Any(value.Matches))
        {
            return false;
        }

        if ((Min is not null || Max is not null) && value.Kind != FactKind.Number)
        {
            return false;
        }

        if (Min is { } min && value.Number < min)
        {
            return false;
        }

        if (Max is { } max && value.Number > max)
        {
            return false;
        }

        return Is is not { } flag || (value.Kind == FactKind.Flag && value.Flag == flag);
    }
}
