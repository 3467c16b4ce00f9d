namespace MediaVault.Core.Storage;

/// <summary>
/// A local folder for files that tools need seekable (spooled uploads, probe copies, work folders of jobs). A file
/// written here is imported into the blob store cheaply (<see cref="IBlobStore.ImportFileAsync"/>: a rename on the
/// filesystem store). Every storage registration provides one.
/// </summary>
public interface IStagingArea
{
    /// <summary>Absolute path of the folder; it exists once the store is constructed.</summary>
    string Folder { get; }

    /// <summary>
    /// Deletes the files and folders in <see cref="Folder"/> not written since <paramref name="cutoffUtc"/>, except
    /// where the store keeps long-lived state (unfinished resumable uploads, which expire on their own). Returns how
    /// many entries were removed.
    /// </summary>
    int RemoveStale(DateTime cutoffUtc);
}
