using System.Text.Json;
using MediaVault.Core.Processing;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Data.Jobs;

/// <summary>
/// Leases and settles durable jobs. A lease is an atomic conditional update (a job is taken only if it is still
/// queued, or its previous lease has run out), so several processes sharing one database never run a job twice at once.
/// Due jobs are taken oldest first, except that <see cref="JobKinds.Background"/> kinds wait while any other job is due
/// (a burst of uploads gets every media ready before the larger previews are made), and that jobs of tenants with no
/// job running come before those of tenants already being served (one tenant's slow jobs do not hold back the others).
/// </summary>
public sealed class JobStore(IDbContextFactory<MediaVaultDbContext> factory, TimeProvider clock)
{
    /// <summary>Takes the next due job of any kind for <paramref name="owner"/> until now + <paramref name="lease"/>, or returns null.</summary>
    public Task<Job?> TryLeaseAsync(string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        TryLeaseAsync(owner, lease, includeBackground: true, cancellationToken);

    /// <summary>
    /// Takes the next due job for <paramref name="owner"/> until now + <paramref name="lease"/>, or returns null. With
    /// <paramref name="includeBackground"/> false, <see cref="JobKinds.Background"/> kinds are not taken at all.
    /// </summary>
    public async Task<Job?> TryLeaseAsync(string owner, TimeSpan lease, bool includeBackground, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (db.Database.IsNpgsql())
        {
            return await TryLeaseSkipLockedAsync(db, owner, now, now + lease, includeBackground, cancellationToken);
        }

        return await TryLeaseOneStatementAsync(db, owner, now, now + lease, includeBackground, cancellationToken);
    }

    /// <summary>Extends a running job's lease; false when the lease was lost (it expired and another worker took the job).</summary>
    public async Task<bool> ExtendLeaseAsync(Job job, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var until = clock.GetUtcNow().UtcDateTime + lease;
        var extended = await db.Jobs
            .Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner && j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, until), cancellationToken);
        return extended == 1;
    }

    /// <summary>
    /// Hands a running job back to the queue, due at once, without counting the attempt (a worker stopping gracefully
    /// gave up the run, the job did not fail). False when the lease was already lost.
    /// </summary>
    public async Task<bool> ReleaseAsync(Job job, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var released = await db.Jobs
            .Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner && j.State == JobState.Running)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Queued)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(j => j.RunAfter, now)
                    .SetProperty(j => j.Attempts, j => j.Attempts > 0 ? j.Attempts - 1 : 0),
                cancellationToken);
        return released == 1;
    }

    /// <summary>
    /// Puts back in the queue, due at once, every job still leased by an earlier run of this instance (lease owners
    /// <c>{instanceId}/…</c> other than <paramref name="owner"/>): that run is gone (killed, crashed), so its leases
    /// need not run out first. The attempt stays counted, since the job may be what brought the run down.
    /// Returns how many jobs were reclaimed.
    /// </summary>
    public async Task<int> ReclaimAsync(string instanceId, string owner, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var prefix = instanceId + "/";
        return await db.Jobs
            .Where(j => j.State == JobState.Running && j.LeaseOwner != owner && j.LeaseOwner!.StartsWith(prefix))
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, JobState.Queued)
                    .SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(j => j.RunAfter, now),
                cancellationToken);
    }

    /// <summary>Adds a job unless one with the same id exists (used for schedules that several instances share).</summary>
    public async Task<bool> TryEnqueueOnceAsync(Job job, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.Jobs.AnyAsync(j => j.Id == job.Id, cancellationToken))
        {
            return false;
        }

        db.Jobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance enqueued the same scheduled job between the check and the insert.
            return false;
        }
    }

    /// <summary>
    /// PostgreSQL: one statement picks the next due job, skipping rows other instances have locked, and leases it,
    /// so concurrent workers never wait on or take the same job.
    /// </summary>
    private static async Task<Job?> TryLeaseSkipLockedAsync(MediaVaultDbContext db, string owner, DateTime now, DateTime until, bool includeBackground, CancellationToken cancellationToken)
    {
        var queued = nameof(JobState.Queued);
        var running = nameof(JobState.Running);
        var background = JobKinds.Background.ToList();
        var leased = await db.Jobs.FromSql($"""
            UPDATE "Jobs" SET "State" = {running}, "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT j."Id" FROM "Jobs" j
                WHERE ((j."State" = {queued} AND j."RunAfter" <= {now}) OR (j."State" = {running} AND j."LeaseExpiresAt" < {now}))
                  AND ({includeBackground} OR NOT (j."Kind" = ANY({background})))
                ORDER BY CASE WHEN j."Kind" = ANY({background}) THEN 1 ELSE 0 END,
                  CASE WHEN EXISTS (
                    SELECT 1 FROM "Jobs" r
                    WHERE r."State" = {running} AND r."LeaseExpiresAt" >= {now} AND r."TenantId" = j."TenantId") THEN 1 ELSE 0 END,
                  j."RunAfter"
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return leased.SingleOrDefault();
    }

    /// <summary>
    /// SQLite: one statement picks the next due job and leases it. SQLite takes its single write lock before the
    /// statement reads, so the pick and the lease are atomic: no other writer can lease the same job in between.
    /// </summary>
    private static async Task<Job?> TryLeaseOneStatementAsync(MediaVaultDbContext db, string owner, DateTime now, DateTime until, bool includeBackground, CancellationToken cancellationToken)
    {
        var queued = nameof(JobState.Queued);
        var running = nameof(JobState.Running);
        var background = JsonSerializer.Serialize(JobKinds.Background);
        var leased = await db.Jobs.FromSql($"""
            UPDATE "Jobs" SET "State" = {running}, "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}, "Attempts" = "Attempts" + 1
            WHERE "Id" = (
                SELECT j."Id" FROM "Jobs" j
                WHERE ((j."State" = {queued} AND j."RunAfter" <= {now}) OR (j."State" = {running} AND j."LeaseExpiresAt" < {now}))
                  AND ({includeBackground} OR j."Kind" NOT IN (SELECT value FROM json_each({background})))
                ORDER BY CASE WHEN j."Kind" IN (SELECT value FROM json_each({background})) THEN 1 ELSE 0 END,
                  CASE WHEN EXISTS (
                    SELECT 1 FROM "Jobs" r
                    WHERE r."State" = {running} AND r."LeaseExpiresAt" >= {now} AND r."TenantId" = j."TenantId") THEN 1 ELSE 0 END,
                  j."RunAfter"
                LIMIT 1)
            RETURNING *
            """).AsNoTracking().ToListAsync(cancellationToken);
        return leased.SingleOrDefault();
    }

    public Task CompleteAsync(Job job, CancellationToken cancellationToken) =>
        SettleAsync(job, JobState.Succeeded, null, null, cancellationToken);

    /// <summary>Puts the job back in the queue, due at <paramref name="runAfter"/>.</summary>
    public Task RetryAsync(Job job, string error, DateTime runAfter, CancellationToken cancellationToken) =>
        SettleAsync(job, JobState.Queued, error, runAfter, cancellationToken);

    public Task FailAsync(Job job, string error, CancellationToken cancellationToken) =>
        SettleAsync(job, JobState.Failed, error, null, cancellationToken);

    /// <summary>
    /// Marks a running job succeeded within the caller's open transaction on <paramref name="db"/>, so the handler's
    /// last write and the job's completion commit (or roll back) together; <paramref name="job"/> then says
    /// <see cref="JobState.Succeeded"/>, and the worker does not settle it again. False when the lease was lost
    /// (another worker took the job after it ran out): nothing is changed then.
    /// </summary>
    public async Task<bool> CompleteWithinAsync(MediaVaultDbContext db, Job job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await SettleRowAsync(db, job, JobState.Succeeded, null, null, now, cancellationToken) != 1)
        {
            return false;
        }

        job.State = JobState.Succeeded;
        job.LeaseExpiresAt = null;
        job.CompletedAt = now;
        return true;
    }

    private async Task SettleAsync(Job job, JobState state, string? error, DateTime? runAfter, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await SettleRowAsync(db, job, state, error, runAfter, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    private static Task<int> SettleRowAsync(
        MediaVaultDbContext db, Job job, JobState state, string? error, DateTime? runAfter, DateTime now, CancellationToken cancellationToken)
    {
        var trimmed = error is { Length: > 4000 } ? error[..4000] : error;
        return db.Jobs
            .Where(j => j.Id == job.Id && j.LeaseOwner == job.LeaseOwner && j.State == JobState.Running)
            .ExecuteUpdateAsync(
                s => s.SetProperty(j => j.State, state)
                    .SetProperty(j => j.LastError, trimmed)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(j => j.RunAfter, j => runAfter ?? j.RunAfter)
                    .SetProperty(j => j.CompletedAt, state == JobState.Queued ? null : now),
                cancellationToken);
    }
}
