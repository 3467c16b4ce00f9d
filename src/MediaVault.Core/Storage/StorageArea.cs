namespace MediaVault.Core.Storage;

/// <summary>Staged media live in <c>Temporary</c> until the resource that owns them is approved.</summary>
public enum StorageArea
{
    Temporary,
    Permanent,
}
