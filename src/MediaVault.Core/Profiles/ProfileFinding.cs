namespace MediaVault.Core.Profiles;

/// <summary>A broken rule: <see cref="Measured"/> is absent when the fact was not measured.</summary>
public sealed record ProfileFinding(
    string Rule,
    RuleSeverity Severity,
    string Message,
    string Remediation,
    FactValue? Measured,
    string Expected);
