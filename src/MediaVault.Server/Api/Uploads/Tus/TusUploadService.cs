using MediaVault.Core.Media;
using MediaVault.Core.Uploads;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>Upload rows: create, find (tenant-scoped, unexpired), lock for one PATCH at a time, advance, remove.</summary>
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

    /// <summary>Takes the upload's write lock if it is at <paramref name="offset"/> and free; false when another PATCH holds it.</summary>
    public async Task<bool> TryLockAsync(TusUpload upload, long offset, string owner, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now + options.Value.LockTimeout;
        var taken = await db.Uploads
            .Where(u => u.Id == upload.Id && u.Offset == offset && (u.LockOwner == null || u.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockOwner, owner).SetProperty(u => u.LockedUntil, until), cancellationToken);
        return taken == 1;
    }

    /// <summary>Records acknowledged bytes (and a length given late), pushes the expiry back and releases the lock.</summary>
    public async Task AdvanceAsync(TusUpload upload, string owner, long offset, long? length, CancellationToken cancellationToken)
    {
        var expires = Now + options.Value.Expiration;
        await db.Uploads.Where(u => u.Id == upload.Id && u.LockOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Offset, offset)
                .SetProperty(u => u.Length, length)
                .SetProperty(u => u.ExpiresAt, expires)
                .SetProperty(u => u.LockOwner, (string?)null)
                .SetProperty(u => u.LockedUntil, (DateTime?)null), cancellationToken);
        upload.Offset = offset;
        upload.Length = length;
        upload.ExpiresAt = expires;
    }

    public Task UnlockAsync(TusUpload upload, string owner, CancellationToken cancellationToken) =>
        db.Uploads.Where(u => u.Id == upload.Id && u.LockOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockOwner, (string?)null).SetProperty(u => u.LockedUntil, (DateTime?)null), cancellationToken);

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
