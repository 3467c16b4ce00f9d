namespace MediaVault.Core.Profiles;

/// <summary>
/// One requirement of a profile. It applies to media of the kinds in <see cref="AppliesTo"/> (lower-case
/// <c>audio</c>, <c>image</c>, <c>video</c>) when every <see cref="When"/> condition holds, and is broken when
/// <see cref="Check"/> does not hold.
/// </summary>
public sealed record ProfileRule(
    string Id,
    RuleSeverity Severity,
    IReadOnlyList<string> AppliesTo,
    RuleCondition Check,
    IReadOnlyList<RuleCondition> When,
    MissingFactPolicy WhenMissing,
    string Message,
    string Remediation);
