using MediaVault.Core.Media;
using MediaVault.Core.Uploads;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>Upload rows: create, find (tenant-scoped, unexpired), advance under a <see cref="TusLease"/>, remove.</summary>
public sealed class TusUploadService(MediaVaultDbContext db, ITusChunkStore files, TusRunningHashes hashes, IOptions<TusOptions> options, TimeProvider clock)
{
    public async Task<TusUpload> CreateAsync(Guid tenantId, long? length, string metadata, CancellationToken cancellationToken)
    {
        var now = Now;
        var upload = new TusUpload
        {
            Id = MediaId.New().Replace("-", "", StringComparison.Ordinal),
            TenantId = tenantId,
            Length = length,
            Metadata = metadata,
            CreatedAt = now,
            ExpiresAt = now + options.Value.Expiration,
        };
        await files.CreateAsync(tenantId, upload.Id, cancellationToken);
        db.Uploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        return upload;
    }

    /// <summary>The upload, its offset lowered to the bytes that survived a power cut when no writer holds it (<see cref="ReconcileAsync"/>).</summary>
    public async Task<TusUpload?> FindAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        var now = Now;
        var upload = await db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.TenantId == tenantId && u.ExpiresAt > now, cancellationToken);
        if (upload is not null && (upload.LockOwner is null || upload.LockedUntil <= now))
        {
            await ReconcileAsync(upload, cancellationToken);
        }

        return upload;
    }

    /// <summary>
    /// Chunks are acknowledged without an fsync, so a power cut can take bytes the offset already counts. Lowers the
    /// offset to the length the chunk store kept (the client resends from there, as tus clients do after a HEAD);
    /// true if it did. Only for an unfinished upload whose writer is gone or is the caller.
    /// </summary>
    public async Task<bool> ReconcileAsync(TusUpload upload, CancellationToken cancellationToken)
    {
        if (upload.MediaId is not null || await files.SurvivingLengthAsync(upload.TenantId, upload.Id, cancellationToken) is not { } survived || survived >= upload.Offset)
        {
            return false;
        }

        await db.Uploads.Where(u => u.Id == upload.Id && u.Offset == upload.Offset).ExecuteUpdateAsync(s => s.SetProperty(u => u.Offset, survived), cancellationToken);
        upload.Offset = survived;
        return true;
    }

    /// <summary>
    /// Records acknowledged bytes (and a length given late) and pushes the expiry back, if <paramref name="lease"/> still
    /// holds the lock; lets the lock go too unless <paramref name="keepLock"/> (the last chunk, still to be completed).
    /// </summary>
    public async Task AdvanceAsync(TusUpload upload, TusLease lease, long offset, long? length, bool keepLock, CancellationToken cancellationToken)
    {
        var expires = Now + options.Value.Expiration;
        var owner = lease.Owner;
        var row = db.Uploads.Where(u => u.Id == upload.Id && u.LockOwner == owner);
        if (keepLock)
        {
            await row.ExecuteUpdateAsync(s => s.SetProperty(u => u.Offset, offset).SetProperty(u => u.Length, length).SetProperty(u => u.ExpiresAt, expires), cancellationToken);
        }
        else
        {
            lease.Released = await row.ExecuteUpdateAsync(s => s.SetProperty(u => u.Offset, offset)
                .SetProperty(u => u.Length, length)
                .SetProperty(u => u.ExpiresAt, expires)
                .SetProperty(u => u.LockOwner, (string?)null)
                .SetProperty(u => u.LockedUntil, (DateTime?)null), cancellationToken) == 1;
        }

        upload.Offset = offset;
        upload.Length = length;
        upload.ExpiresAt = expires;
    }

    public async Task CompleteAsync(TusUpload upload, string mediaId, CancellationToken cancellationToken)
    {
        await db.Uploads.Where(u => u.Id == upload.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.MediaId, mediaId), cancellationToken);
        upload.MediaId = mediaId;
    }

    /// <summary>Removes the row and whatever bytes it had.</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        var deleted = await db.Uploads.Where(u => u.Id == id && u.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        hashes.Forget(id);
        await files.DeleteAsync(tenantId, id, cancellationToken);
        return deleted == 1;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
