namespace MediaVault.Core.Profiles;

public enum FactKind
{
    Number,
    Text,
    Flag,
}
