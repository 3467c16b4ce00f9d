using MediaVault.Core.Uploads;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>One writer per upload: a short lease in the upload's row, renewed while the writer works.</summary>
public sealed class TusLocks(
    IDbContextFactory<MediaVaultDbContext> factory, TusInstance instance, IOptions<TusOptions> options, TimeProvider clock, ILogger<TusLease> logger)
{
    /// <summary>
    /// Takes the upload's lock if it is at <paramref name="offset"/> and free: unlocked, its lease run out, or left by an
    /// earlier run of this same instance (a process that died mid-PATCH). Null when a live writer holds it.
    /// </summary>
    public async Task<TusLease?> TryTakeAsync(TusUpload upload, long offset, CancellationToken cancellationToken)
    {
        var owner = instance.NewOwner();
        var (mine, thisRun) = (instance.InstancePrefix, instance.RunPrefix);
        var length = options.Value.LockLease;
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + length;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var taken = await db.Uploads
            .Where(u => u.Id == upload.Id && u.Offset == offset
                && (u.LockOwner == null || u.LockedUntil < now || (u.LockOwner.StartsWith(mine) && !u.LockOwner.StartsWith(thisRun))))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockOwner, owner).SetProperty(u => u.LockedUntil, until), cancellationToken);
        return taken == 1 ? new TusLease(upload.Id, owner, length, factory, clock, logger) : null;
    }
}
