namespace MediaVault.Core.Profiles;

/// <summary>What a rule does when its fact was not measured: skip the rule, or count it as broken.</summary>
public enum MissingFactPolicy
{
    Skip,
    Fail,
}
