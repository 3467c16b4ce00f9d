namespace MediaVault.Core.Storage;

/// <summary>
/// A store that keeps objects as local files (the filesystem store): their paths serve zero-copy sends and tools
/// that read a file in place. Optional: consumers fall back to streaming when the store does not provide it.
/// </summary>
public interface ILocalFiles
{
    /// <summary>The object's absolute path, or null when it does not exist. The file must not be written to.</summary>
    string? TryGetPath(BlobKey key);
}
