using MediaVault.Core.Storage;

namespace MediaVault.Storage;

/// <summary>A staging area in one local folder, created at construction; <paramref name="kept"/> names entries the sweep never removes.</summary>
public sealed class StagingFolder : IStagingArea
{
    private readonly HashSet<string> _kept;

    public StagingFolder(string folder, params string[] kept)
    {
        Folder = Path.GetFullPath(folder);
        _kept = new HashSet<string>(kept, StringComparer.Ordinal);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public int RemoveStale(DateTime cutoffUtc)
    {
        if (!Directory.Exists(Folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var entry in new DirectoryInfo(Folder).EnumerateFileSystemInfos())
        {
            if (entry.LastWriteTimeUtc >= cutoffUtc || _kept.Contains(entry.Name))
            {
                continue;
            }

            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            removed++;
        }

        return removed;
    }
}
