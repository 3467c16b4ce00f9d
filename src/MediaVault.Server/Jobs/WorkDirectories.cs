using System.Collections.Concurrent;
using MediaVault.Core.Storage;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Empty folders in the staging area where a job's tools write their files before they are stored. A folder is given
/// back emptied and used again by a later job instead of being removed: removing a folder frees its block, which on a
/// file system mounted with online discard (common on cloud disks) waits for the device, a few milliseconds per job
/// and over 100 ms behind the writeback of a burst of uploads. At most <see cref="MaxKept"/> idle folders are kept;
/// one that cannot be emptied is removed. A kept folder is touched when it is taken, so the staging sweep
/// (<see cref="IStagingArea.RemoveStale"/>) sees it as fresh while a job uses it; one the sweep removed while idle is
/// made again.
/// </summary>
public sealed class WorkDirectories(IStagingArea staging, TimeProvider clock)
{
    /// <summary>Idle folders kept for reuse; more are made when more jobs run at once, and removed when given back.</summary>
    public const int MaxKept = 32;

    private readonly ConcurrentBag<string> _idle = [];

    /// <summary>An empty folder of the caller's own until it is given back with <see cref="Return"/>.</summary>
    public string Rent()
    {
        while (_idle.TryTake(out var kept))
        {
            Directory.CreateDirectory(kept);
            // Emptied when given back; checked again, so nothing written there since (a tool of an earlier job that
            // outlived it) reaches the next job, of whatever tenant. One that will not empty is dropped.
            if (Empty(kept))
            {
                Directory.SetLastWriteTimeUtc(kept, clock.GetUtcNow().UtcDateTime);
                return kept;
            }

            TryRemove(kept);
        }

        var folder = Path.Combine(staging.Folder, "work-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Empties the folder and keeps it for the next job, or removes it (too many idle, or it would not empty).</summary>
    public void Return(string folder)
    {
        // A folder already gone (the sweep, an operator) does not empty: nothing to keep or remove.
        if (_idle.Count < MaxKept && Empty(folder))
        {
            _idle.Add(folder);
            return;
        }

        TryRemove(folder);
    }

    private static void TryRemove(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Already gone, or it will not go: the staging sweep removes it once it is stale.
        }
    }

    private static bool Empty(string folder)
    {
        try
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
