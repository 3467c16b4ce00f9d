using MediaVault.Core.Media;
using MediaVault.Core.Uploads;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>Upload rows: create, find (tenant-scoped, unexpired), advance under a <see cref="TusLease"/>, remove.</summary>
public sealed class TusUploadService(MediaVaultDbContext db, ITusChunkStore files, IOptions<TusOptions> options, TimeProvider clock)
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

    public Task<TusUpload?> FindAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        var now = Now;
        return db.Uploads.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.TenantId == tenantId && u.ExpiresAt > now, cancellationToken);
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
        await files.DeleteAsync(tenantId, id, cancellationToken);
        return deleted == 1;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
