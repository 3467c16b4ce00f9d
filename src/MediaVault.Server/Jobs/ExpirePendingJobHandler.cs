using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>Deletes media that stayed <c>pending</c> (created, never uploaded or confirmed) long after their window, bytes and all.</summary>
public sealed partial class ExpirePendingJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    IBlobStore store,
    IOptions<HousekeepingOptions> options,
    TimeProvider clock,
    ILogger<ExpirePendingJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.ExpirePending;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.PendingExpiry;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = await db.Media.Where(m => m.State == MediaState.Pending && m.CreatedAt < cutoff)
            .Select(m => new { m.Id, m.TenantId }).Take(1000).ToListAsync(cancellationToken);
        foreach (var media in expired)
        {
            var deleted = await db.Media.Where(m => m.Id == media.Id && m.State == MediaState.Pending).ExecuteDeleteAsync(cancellationToken);
            if (deleted == 1)
            {
                await DeleteBlobsJobHandler.DeleteEverywhereAsync(store, media.TenantId, media.Id, cancellationToken);
                LogExpired(media.TenantId, media.Id);
            }
        }
    }

    public Task GiveUpAsync(Job job, string reason, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired pending media {MediaId} of tenant {TenantId}")]
    private partial void LogExpired(Guid tenantId, string mediaId);
}
