using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Moves every file of an approved release (and of its tracks) from temporary to permanent storage, then marks the
/// release completed. Each file is copied, then its row is switched, then the staged copy is deleted, so a crash at
/// any point leaves a readable file and re-running the job finishes the move.
/// </summary>
public sealed partial class PromoteReleaseJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    IBlobStore store,
    TimeProvider clock,
    ILogger<PromoteReleaseJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.PromoteRelease;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<ReleaseJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var release = await db.Releases.AsNoTracking().SingleOrDefaultAsync(r => r.Id == payload.ReleaseId && r.TenantId == job.TenantId, cancellationToken);
        if (release is null || release.Status != ReleaseStatus.Approved)
        {
            return;
        }

        var mediaIds = await db.ReleaseMediaIds(release).ToListAsync(cancellationToken);
        var files = await db.Media.Where(m => m.TenantId == release.TenantId && mediaIds.Contains(m.Id) && !m.IsLink)
            .Include(m => m.Renditions)
            .ToListAsync(cancellationToken);
        foreach (var media in files)
        {
            await PromoteAsync(db, media, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.Releases.Where(r => r.Id == release.Id && r.Status == ReleaseStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReleaseStatus.Completed)
                .SetProperty(r => r.CompletedAt, now)
                .SetProperty(r => r.UpdatedAt, now), cancellationToken);
        LogPromoted(release.TenantId, release.Id, files.Count);
    }

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PromoteAsync(MediaVaultDbContext db, MediaItem media, CancellationToken cancellationToken)
    {
        if (media.Area == StorageArea.Temporary)
        {
            var original = BlobKey.Original(StorageArea.Temporary, media.TenantId, media.Id);
            var renditions = media.Renditions.Select(r => BlobKey.Rendition(StorageArea.Temporary, media.TenantId, media.Id, r.Name));
            foreach (var source in renditions.Prepend(original))
            {
                if (await store.GetInfoAsync(source, cancellationToken) is not null)
                {
                    await store.CopyAsync(source, source.InArea(StorageArea.Permanent), cancellationToken);
                }
            }

            // Never switch a row to a permanent copy that is missing or incomplete.
            var promoted = await store.GetInfoAsync(original.InArea(StorageArea.Permanent), cancellationToken);
            if (promoted is null || promoted.Size != media.Size)
            {
                throw new StorageException($"Permanent copy of media {media.Id} is missing or incomplete; the staged file is kept.");
            }

            media.Area = StorageArea.Permanent;
            media.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        await store.DeleteMediaAsync(StorageArea.Temporary, media.TenantId, media.Id, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Promoted {Count} files of release {ReleaseId} (tenant {TenantId}) to permanent storage")]
    private partial void LogPromoted(Guid tenantId, Guid releaseId, int count);
}
