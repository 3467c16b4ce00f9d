using MediaVault.Core.Processing;
using MediaVault.Data;
using MediaVault.Data.Jobs;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.Processing;

/// <summary>The lease protocol against a real database: SQLite, or PostgreSQL (SKIP LOCKED) when the suite runs on it.</summary>
public sealed class JobStoreTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mediavault-jobs-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly IDbContextFactory<MediaVaultDbContext> _factory;

    public JobStoreTests()
    {
        var options = new DbContextOptionsBuilder<MediaVaultDbContext>();
        if (Infrastructure.TestBackends.Postgres is { } pg)
        {
            options.UseNpgsql($"{pg};Database=mv_jobs_{Guid.NewGuid():N}", o => o.MigrationsAssembly(DataServiceCollectionExtensions.PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite($"Data Source={_path}");
        }

        _factory = new PooledFactory(options.Options);
    }

    [Fact]
    public async Task A_job_is_leased_by_one_worker_at_a_time()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        await EnqueueAsync();

        var first = await store.TryLeaseAsync("worker-a", TimeSpan.FromMinutes(5), CancellationToken.None);
        var second = await store.TryLeaseAsync("worker-b", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal("worker-a", first.LeaseOwner);
        Assert.Equal(1, first.Attempts);
        Assert.Null(second);
    }

    [Fact]
    public async Task A_job_completed_within_a_transaction_stays_running_if_it_rolls_back_and_succeeds_when_it_commits()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        await EnqueueAsync();
        var job = (await store.TryLeaseAsync("worker-a", TimeSpan.FromMinutes(5), CancellationToken.None))!;

        await using (var db = await _factory.CreateDbContextAsync())
        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await store.CompleteWithinAsync(db, job, CancellationToken.None));
            await rolledBack.RollbackAsync();
        }

        await using (var check = await _factory.CreateDbContextAsync())
        {
            Assert.Equal(JobState.Running, (await check.Jobs.SingleAsync()).State);
        }

        await using (var db = await _factory.CreateDbContextAsync())
        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            Assert.True(await store.CompleteWithinAsync(db, job, CancellationToken.None));
            await committed.CommitAsync();
        }

        Assert.Equal(JobState.Succeeded, job.State);
        await using var after = await _factory.CreateDbContextAsync();
        var stored = await after.Jobs.SingleAsync();
        Assert.Equal((JobState.Succeeded, (DateTime?)null), (stored.State, stored.LeaseExpiresAt));
        Assert.NotNull(stored.CompletedAt);
    }

    [Fact]
    public async Task A_job_whose_lease_was_lost_is_not_completed_within_a_transaction()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        await EnqueueAsync();
        var lost = (await store.TryLeaseAsync("worker-a", TimeSpan.FromMilliseconds(200), CancellationToken.None))!;
        await Task.Delay(400);
        Assert.NotNull(await store.TryLeaseAsync("worker-b", TimeSpan.FromMinutes(5), CancellationToken.None));

        await using var db = await _factory.CreateDbContextAsync();
        Assert.False(await store.CompleteWithinAsync(db, lost, CancellationToken.None));

        Assert.Equal(JobState.Running, lost.State);
        var row = await db.Jobs.Select(j => new { j.State, j.LeaseOwner }).SingleAsync();
        Assert.Equal((JobState.Running, "worker-b"), (row.State, row.LeaseOwner));
    }

    [Fact]
    public async Task A_crashed_workers_job_is_taken_again_when_its_lease_runs_out()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        await EnqueueAsync();
        var crashed = await store.TryLeaseAsync("worker-a", TimeSpan.FromMilliseconds(200), CancellationToken.None);

        await Task.Delay(400);
        var retaken = await store.TryLeaseAsync("worker-b", TimeSpan.FromMinutes(5), CancellationToken.None);
        await store.CompleteAsync(crashed!, CancellationToken.None);

        Assert.NotNull(retaken);
        Assert.Equal("worker-b", retaken.LeaseOwner);
        Assert.Equal(2, retaken.Attempts);
        await using var db = await _factory.CreateDbContextAsync();
        Assert.Equal(JobState.Running, (await db.Jobs.SingleAsync()).State);
    }

    [Fact]
    public async Task Concurrent_workers_never_take_the_same_job()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        for (var i = 0; i < 20; i++)
        {
            await EnqueueAsync();
        }

        var leases = await Task.WhenAll(Enumerable.Range(0, 8).Select(async w =>
        {
            var taken = new List<Guid>();
            while (await store.TryLeaseAsync($"worker-{w}", TimeSpan.FromMinutes(5), CancellationToken.None) is { } job)
            {
                taken.Add(job.Id);
            }

            return taken;
        }));

        var all = leases.SelectMany(l => l).ToList();
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Distinct().Count());
    }

    [Fact]
    public async Task A_retried_job_waits_for_its_back_off()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        await EnqueueAsync();
        var job = await store.TryLeaseAsync("worker-a", TimeSpan.FromMinutes(5), CancellationToken.None);

        await store.RetryAsync(job!, "boom", DateTime.UtcNow.AddMinutes(1), CancellationToken.None);
        var early = await store.TryLeaseAsync("worker-a", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Null(early);
        await using var db = await _factory.CreateDbContextAsync();
        var stored = await db.Jobs.SingleAsync();
        Assert.Equal(JobState.Queued, stored.State);
        Assert.Equal("boom", stored.LastError);
    }

    public async Task InitializeAsync()
    {
        await using var db = await _factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (Infrastructure.TestBackends.Postgres is not null)
        {
            await using var db = await _factory.CreateDbContextAsync();
            await db.Database.EnsureDeletedAsync();
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Fact]
    public async Task Background_jobs_wait_while_other_jobs_are_due_and_a_foreground_worker_never_takes_them()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        var older = await EnqueueAsync(JobKinds.RenderPreviews, DateTime.UtcNow.AddSeconds(-10));
        var newer = await EnqueueAsync(JobKinds.ProcessMedia, DateTime.UtcNow.AddSeconds(-1));

        var foregroundFirst = await store.TryLeaseAsync("worker-a", TimeSpan.FromMinutes(5), CancellationToken.None);
        var foregroundOnly = await store.TryLeaseAsync("worker-b", TimeSpan.FromMinutes(5), includeBackground: false, CancellationToken.None);
        var anyKind = await store.TryLeaseAsync("worker-c", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(newer, foregroundFirst?.Id);
        Assert.Null(foregroundOnly);
        Assert.Equal(older, anyKind?.Id);
    }

    [Fact]
    public async Task A_job_handed_back_is_due_at_once_with_its_attempt_not_counted()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        await EnqueueAsync();
        var job = await store.TryLeaseAsync("instance-a/run-1", TimeSpan.FromMinutes(5), CancellationToken.None);

        var released = await store.ReleaseAsync(job!, CancellationToken.None);
        var again = await store.TryLeaseAsync("instance-b/run-1", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.True(released);
        Assert.Equal(job!.Id, again?.Id);
        Assert.Equal(1, again!.Attempts);
    }

    [Fact]
    public async Task Reclaim_puts_back_only_jobs_leased_by_earlier_runs_of_the_same_instance()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        await EnqueueAsync();
        await EnqueueAsync();
        await EnqueueAsync();
        var earlierRun = await store.TryLeaseAsync("instance-a/run-1", TimeSpan.FromMinutes(5), CancellationToken.None);
        var otherInstance = await store.TryLeaseAsync("instance-ab/run-1", TimeSpan.FromMinutes(5), CancellationToken.None);
        var thisRun = await store.TryLeaseAsync("instance-a/run-2", TimeSpan.FromMinutes(5), CancellationToken.None);

        var reclaimed = await store.ReclaimAsync("instance-a", "instance-a/run-2", CancellationToken.None);
        var retaken = await store.TryLeaseAsync("instance-a/run-2", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(1, reclaimed);
        Assert.Equal(earlierRun!.Id, retaken?.Id);
        Assert.Equal(2, retaken!.Attempts);
        await using var db = await _factory.CreateDbContextAsync();
        var owners = await db.Jobs.Where(j => j.Id == otherInstance!.Id || j.Id == thisRun!.Id).Select(j => j.LeaseOwner).ToListAsync();
        Assert.Equal(["instance-a/run-2", "instance-ab/run-1"], owners.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_tenant_with_nothing_running_is_served_before_older_jobs_of_a_busy_tenant()
    {
        var store = new JobStore(_factory, TimeProvider.System);
        var (busy, idle) = (Guid.NewGuid(), Guid.NewGuid());
        await EnqueueAsync(JobKinds.ProcessMedia, DateTime.UtcNow.AddSeconds(-30), busy);
        var busyQueued = await EnqueueAsync(JobKinds.ProcessMedia, DateTime.UtcNow.AddSeconds(-20), busy);
        var idleQueued = await EnqueueAsync(JobKinds.ProcessMedia, DateTime.UtcNow.AddSeconds(-10), idle);
        var running = await store.TryLeaseAsync("worker-a", TimeSpan.FromMinutes(5), CancellationToken.None);

        var next = await store.TryLeaseAsync("worker-b", TimeSpan.FromMinutes(5), CancellationToken.None);
        var last = await store.TryLeaseAsync("worker-c", TimeSpan.FromMinutes(5), CancellationToken.None);

        Assert.Equal(busy, running?.TenantId);
        Assert.Equal(idleQueued, next?.Id);
        Assert.Equal(busyQueued, last?.Id);
    }

    private async Task<Guid> EnqueueAsync(string kind = JobKinds.DeleteBlobs, DateTime? runAfter = null, Guid? tenantId = null)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var job = Job.Create(kind, tenantId, new { mediaId = "x" }, runAfter ?? DateTime.UtcNow.AddSeconds(-1));
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private sealed class PooledFactory(DbContextOptions<MediaVaultDbContext> options) : IDbContextFactory<MediaVaultDbContext>
    {
        public MediaVaultDbContext CreateDbContext() => new(options);
    }
}
