using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Deletes media that stayed <c>pending</c> (created, never uploaded or confirmed) long after their window, and
/// resumable uploads past their <c>Upload-Expires</c>, bytes and all.
/// </summary>
public sealed partial class ExpirePendingJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    IBlobStore store,
    ITusChunkStore tusFiles,
    IOptions<HousekeepingOptions> options,
    TimeProvider clock,
    ILogger<ExpirePendingJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.ExpirePending;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - options.Value.PendingExpiry;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expiredUploads = await db.Uploads.Where(u => u.ExpiresAt < now && u.MediaId == null)
            .Select(u => new { u.Id, u.TenantId }).Take(1000).ToListAsync(cancellationToken);
        foreach (var upload in expiredUploads)
        {
            await db.Uploads.Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
            await tusFiles.DeleteAsync(upload.TenantId, upload.Id, cancellationToken);
        }

        await db.Uploads.Where(u => u.ExpiresAt < now && u.MediaId != null).ExecuteDeleteAsync(cancellationToken);
        var expired = await db.Media.Where(m => m.State == MediaState.Pending && m.CreatedAt < cutoff)
            .Select(m => new { m.Id, m.TenantId }).Take(1000).ToListAsync(cancellationToken);
        foreach (var media in expired)
        {
            var deleted = await db.Media.Where(m => m.Id == media.Id && m.State == MediaState.Pending).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 1)
            {
                await store.DeleteMediaEverywhereAsync(media.TenantId, media.Id, cancellationToken);
                LogExpired(media.TenantId, media.Id);
            }
        }
    }

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired pending media {MediaId} of tenant {TenantId}")]
    private partial void LogExpired(Guid tenantId, string mediaId);
}
