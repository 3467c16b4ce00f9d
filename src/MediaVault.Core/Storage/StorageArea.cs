namespace MediaVault.Core.Storage;

/// <summary>
/// Staged media live in <c>Temporary</c> until the resource that owns them is approved; <c>Uploads</c> holds the
/// chunks of unfinished resumable uploads (keyed by upload id, not by media).
/// </summary>
public enum StorageArea
{
    Temporary,
    Permanent,
    Uploads,
}
