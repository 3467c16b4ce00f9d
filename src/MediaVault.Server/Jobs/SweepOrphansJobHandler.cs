using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Removes stored objects that no media row owns in that area (left by a crash between storing and committing, or a
/// staged copy left after promotion), and stale staging files. Anything younger than the grace period is left alone.
/// </summary>
public sealed partial class SweepOrphansJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    IBlobStore store,
    IStagingArea staging,
    IOptions<HousekeepingOptions> options,
    TimeProvider clock,
    ILogger<SweepOrphansJobHandler> logger) : IJobHandler
{
    private const int BatchSize = 500;

    public string Kind => JobKinds.SweepOrphans;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.OrphanGracePeriod;
        var removed = 0;
        // Upload chunks are owned by upload rows and expire with them, not by media rows.
        foreach (var area in new[] { StorageArea.Temporary, StorageArea.Permanent })
        {
            var batch = new List<BlobInfo>();
            await foreach (var blob in store.ListAsync(area, cancellationToken))
            {
                if (blob.LastModified < cutoff)
                {
                    batch.Add(blob);
                }

                if (batch.Count == BatchSize)
                {
                    removed += await RemoveUnownedAsync(area, batch, cancellationToken);
                    batch.Clear();
                }
            }

            removed += await RemoveUnownedAsync(area, batch, cancellationToken);
        }

        removed += staging.RemoveStale(cutoff);
        LogSwept(removed);
    }

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<int> RemoveUnownedAsync(StorageArea area, List<BlobInfo> blobs, CancellationToken cancellationToken)
    {
        if (blobs.Count == 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = blobs.Select(b => b.Key.MediaId).Distinct().ToList();
        var owned = (await db.Media.Where(m => ids.Contains(m.Id) && m.Area == area && !m.IsLink)
                .Select(m => new { m.Id, m.TenantId }).ToListAsync(cancellationToken))
            .Select(m => (m.Id, m.TenantId)).ToHashSet();
        var removed = 0;
        foreach (var blob in blobs.Where(b => !owned.Contains((b.Key.MediaId, b.Key.TenantId))))
        {
            if (await store.DeleteAsync(blob.Key, cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orphan sweep removed {Count} objects")]
    private partial void LogSwept(int count);
}
