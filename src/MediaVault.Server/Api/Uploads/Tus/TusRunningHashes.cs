using System.Collections.Concurrent;
using MediaVault.Core.Uploads;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Each upload's SHA-256 carried from chunk to chunk, so completion does not read the whole file again to hash it.
/// Kept in memory per instance; what persists is the upload's acknowledged offset and its stored bytes: when the
/// instance has no hash at a chunk's offset (it restarted, or the previous chunk went to another instance), the hash
/// is rebuilt once from the stored bytes up to that offset and carried on from there.
/// </summary>
public sealed class TusRunningHashes
{
    // A bound on uploads abandoned without termination; a forgotten hash is only rebuilt, never wrong.
    private const int MaxKept = 10_000;
    private readonly ConcurrentDictionary<string, TusRunningHash> _kept = new(StringComparer.Ordinal);

    /// <summary>Takes the upload's hash over exactly its first <paramref name="offset"/> bytes (the caller holds the upload's lock).</summary>
    public async Task<TusRunningHash> TakeAsync(ITusChunkStore files, TusUpload upload, long offset, CancellationToken cancellationToken)
    {
        if (_kept.TryRemove(upload.Id, out var kept))
        {
            if (kept.Offset == offset)
            {
                return kept;
            }

            kept.Dispose();
        }

        var rebuilt = new TusRunningHash(offset);
        try
        {
            if (offset > 0)
            {
                await files.HashStoredAsync(upload.TenantId, upload.Id, offset, rebuilt.Hash, cancellationToken);
            }
        }
        catch (Exception)
        {
            rebuilt.Dispose();
            throw;
        }

        return rebuilt;
    }

    /// <summary>Keeps the hash of an acknowledged chunk for the upload's next one; the caller no longer owns it.</summary>
    public void Keep(string uploadId, TusRunningHash hash)
    {
        if (_kept.Count >= MaxKept)
        {
            foreach (var id in _kept.Keys)
            {
                Forget(id);
            }
        }

        if (!_kept.TryAdd(uploadId, hash))
        {
            hash.Dispose();
        }
    }

    public void Forget(string uploadId)
    {
        if (_kept.TryRemove(uploadId, out var hash))
        {
            hash.Dispose();
        }
    }
}
