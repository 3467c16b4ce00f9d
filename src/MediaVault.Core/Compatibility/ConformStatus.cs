namespace MediaVault.Core.Compatibility;

public enum ConformStatus
{
    Processing,
    Ready,
    Failed,
}
