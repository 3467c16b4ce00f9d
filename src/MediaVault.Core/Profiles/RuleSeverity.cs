namespace MediaVault.Core.Profiles;

/// <summary>How much a broken rule matters: an error blocks delivery or publication, a warning does not.</summary>
public enum RuleSeverity
{
    Error,
    Warning,
}
