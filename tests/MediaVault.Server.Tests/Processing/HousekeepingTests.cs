using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Jobs;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Processing;

[Collection(ServerCollection.Name)]
public sealed class HousekeepingTests(ServerFixture server)
{
    [Fact]
    public async Task The_orphan_sweep_removes_old_unowned_objects_and_keeps_owned_and_recent_ones()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var owned = (await client.UploadAsync(releaseId, "image.png")).GetProperty("data")[0].GetProperty("cloudId").GetString()!;
        await client.WaitProcessedAsync(releaseId);
        var store = server.Services.GetRequiredService<IBlobStore>();
        var local = server.Services.GetService<ILocalFiles>();
        var tenantId = Guid.NewGuid();
        var oldOrphan = BlobKey.Original(StorageArea.Permanent, tenantId, MediaId.New());
        var newOrphan = BlobKey.Original(StorageArea.Temporary, tenantId, MediaId.New());
        await store.UploadAsync(oldOrphan, new MemoryStream([1, 2, 3]), CancellationToken.None);
        if (local?.TryGetPath(oldOrphan) is { } oldPath)
        {
            await store.UploadAsync(newOrphan, new MemoryStream([1, 2, 3]), CancellationToken.None);
            File.SetLastWriteTimeUtc(oldPath, DateTime.UtcNow.AddDays(-2));
            foreach (var key in server.StoredFiles(owned))
            {
                BlobKey.TryParse(key, out var parsed);
                File.SetLastWriteTimeUtc(local.TryGetPath(parsed)!, DateTime.UtcNow.AddDays(-2));
            }

            await RunAsync(JobKinds.SweepOrphans);
            Assert.NotNull(await store.GetInfoAsync(newOrphan, CancellationToken.None));
            await store.DeleteAsync(newOrphan, CancellationToken.None);
        }
        else
        {
            // Object stores cannot be back-dated: sweep as if two days had passed instead.
            var handler = ActivatorUtilities.CreateInstance<SweepOrphansJobHandler>(server.Services, new ShiftedClock(TimeSpan.FromDays(2)));
            await handler.RunAsync(Job.Create(JobKinds.SweepOrphans, null, new { }, DateTime.UtcNow), CancellationToken.None);
        }

        Assert.Null(await store.GetInfoAsync(oldOrphan, CancellationToken.None));
        Assert.Single(server.StoredOriginals(owned));
    }

    [Fact]
    public async Task Pending_media_past_their_window_are_expired_with_their_bytes()
    {
        var store = server.Services.GetRequiredService<IBlobStore>();
        var local = server.Services.GetService<ILocalFiles>();
        var factory = server.Services.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>();
        var tenantId = await server.Services.GetRequiredService<MediaVault.Server.Hosting.TenantResolver>()
            .ResolveAsync("pending-" + Guid.NewGuid().ToString("N")[..8], CancellationToken.None);
        var stale = NewPending(tenantId!.Value, DateTime.UtcNow.AddDays(-3));
        var fresh = NewPending(tenantId.Value, DateTime.UtcNow);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Media.AddRange(stale, fresh);
            await db.SaveChangesAsync();
        }

        await store.UploadAsync(BlobKey.Original(StorageArea.Temporary, tenantId.Value, stale.Id), new MemoryStream([1]), CancellationToken.None);

        await RunAsync(JobKinds.ExpirePending);

        await using var check = await factory.CreateDbContextAsync();
        Assert.False(await check.Media.AnyAsync(m => m.Id == stale.Id));
        Assert.True(await check.Media.AnyAsync(m => m.Id == fresh.Id));
        Assert.Empty(server.StoredFiles(stale.Id));
    }

    private async Task RunAsync(string kind)
    {
        var handler = server.Services.GetServices<IJobHandler>().Single(h => h.Kind == kind);
        await handler.RunAsync(Job.Create(kind, null, new { }, DateTime.UtcNow), CancellationToken.None);
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + shift;
    }

    private static MediaItem NewPending(Guid tenantId, DateTime createdAt) => new()
    {
        Id = MediaId.New(),
        TenantId = tenantId,
        Kind = MediaKind.Image,
        Name = "pending.png",
        State = MediaState.Pending,
        Area = StorageArea.Temporary,
        CreatedAt = createdAt,
        UpdatedAt = createdAt,
    };
}
