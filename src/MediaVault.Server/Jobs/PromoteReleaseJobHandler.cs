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
/// any point leaves a readable file and re-running the job finishes the move. Jobs and variant requests may store a
/// rendition of the same media while it moves: after the switch the renditions are listed again and any the first
/// copy missed (or whose copy is not the recorded size) is copied too; a writer that stored into the old area after
/// that list moves its own file (<see cref="RenditionWriter.SettleAsync"/>). Only the files copied are deleted from
/// the old area, never the whole folder, so no rendition recorded meanwhile is lost.
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

        // The renditions now, read after the switch: a writer that recorded one before it is in this list, and its
        // file is still in the temporary area (nothing there is deleted but what was copied).
        var recorded = await db.Renditions.AsNoTracking().Where(r => r.MediaId == media.Id && r.TenantId == media.TenantId)
            .Select(r => new { r.Name, r.Size }).ToListAsync(cancellationToken);
        var staged = BlobKey.Original(StorageArea.Temporary, media.TenantId, media.Id);
        foreach (var (source, size) in recorded.Select(r => (BlobKey.Rendition(StorageArea.Temporary, media.TenantId, media.Id, r.Name), (long?)r.Size)).Prepend((staged, media.Size)))
        {
            if (await store.GetInfoAsync(source, cancellationToken) is null)
            {
                continue;
            }

            var target = source.InArea(StorageArea.Permanent);
            if (await store.GetInfoAsync(target, cancellationToken) is not { } copied || (size is { } expected && copied.Size != expected))
            {
                await RenditionWriter.MoveAsync(store, source, target, cancellationToken);
            }
            else
            {
                await store.DeleteAsync(source, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Promoted {Count} files of release {ReleaseId} (tenant {TenantId}) to permanent storage")]
    private partial void LogPromoted(Guid tenantId, Guid releaseId, int count);
}
