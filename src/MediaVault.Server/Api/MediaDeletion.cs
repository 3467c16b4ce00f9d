using System.Linq.Expressions;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api;

/// <summary>
/// The one way a surface deletes a media: the row goes at once (usages and renditions cascade) together with a durable
/// blob clean-up job, inside the caller's transaction; after the commit, <see cref="RemoveBlobsAsync"/> deletes the
/// bytes right away (and forgets this instance's decoded previews of it), and the job finishes the work if that fails
/// or the process dies.
/// </summary>
public sealed class MediaDeletion(MediaVaultDbContext db, IBlobStore store, Delivery.DecodedPreviews previews, TimeProvider clock)
{
    /// <summary>Deletes the row if it exists (and matches <paramref name="also"/>); false when there was nothing to delete.</summary>
    public async Task<bool> DeleteRowAsync(Guid tenantId, string mediaId, CancellationToken cancellationToken, Expression<Func<MediaItem, bool>>? also = null)
    {
        var rows = db.Media.Where(m => m.Id == mediaId && m.TenantId == tenantId);
        if (also is not null)
        {
            rows = rows.Where(also);
        }

        if (await rows.ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        db.Jobs.Add(Job.Create(JobKinds.DeleteBlobs, tenantId, new MediaJobPayload(mediaId), clock.GetUtcNow().UtcDateTime.AddMinutes(1)));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task RemoveBlobsAsync(Guid tenantId, string mediaId, CancellationToken cancellationToken)
    {
        previews.ForgetMedia(tenantId, mediaId);
        return store.DeleteMediaEverywhereAsync(tenantId, mediaId, cancellationToken);
    }
}
