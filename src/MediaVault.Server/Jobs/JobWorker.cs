using MediaVault.Core.Processing;
using MediaVault.Server.Hosting;
using MediaVault.Data.Jobs;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Runs durable jobs: leases one, hands it to the handler for its kind, then completes it, schedules a retry with
/// exponential back-off, or gives up after the job's last attempt (at once when the content is at fault; without running
/// it when every attempt was spent by runs that never finished, so a job that kills its process cannot loop). On start it
/// reclaims the jobs an earlier run of the same instance left leased; on a graceful stop it hands its running jobs back.
/// </summary>
public sealed partial class JobWorker(
    JobStore jobs,
    JobInstance instance,
    IEnumerable<IJobHandler> handlers,
    JobSignal signal,
    IOptions<JobWorkerOptions> options,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private static readonly TimeSpan HandBackTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var count = Math.Max(0, options.Value.Concurrency);
        if (count > 0)
        {
            await ReclaimAsync(stoppingToken);
        }

        // With more than one loop, the first never takes background jobs (larger previews), so new uploads are
        // processed at once even while the others work through a backlog of previews.
        var loops = Enumerable.Range(0, count).Select(i => RunLoopAsync(includeBackground: count == 1 || i > 0, stoppingToken));
        await Task.WhenAll(loops);
    }

    private async Task ReclaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            var reclaimed = await jobs.ReclaimAsync(instance.InstanceId, instance.Owner, stoppingToken);
            if (reclaimed > 0)
            {
                LogReclaimed(reclaimed, instance.InstanceId);
                signal.Notify();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is not there yet: those jobs are taken again when their leases run out.
            LogLoopFailed(ex);
        }
    }

    private async Task RunLoopAsync(bool includeBackground, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await jobs.TryLeaseAsync(instance.Owner, options.Value.LeaseDuration, includeBackground, stoppingToken);
                if (job is null)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                    continue;
                }

                await RunJobAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogLoopFailed(ex);
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    private async Task RunJobAsync(Job job, CancellationToken stoppingToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            await jobs.FailAsync(job, $"No handler for job kind '{job.Kind}'", stoppingToken);
            return;
        }

        if (job.Attempts > job.MaxAttempts)
        {
            var abandoned = new JobAbandonedException(job.Attempts - 1);
            LogJobGaveUp(job.Kind, job.Id, job.TenantId, abandoned.Message);
            await handler.GiveUpAsync(job, abandoned, stoppingToken);
            await jobs.FailAsync(job, abandoned.Message, stoppingToken);
            return;
        }

        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keepAlive = KeepLeaseAsync(job, heartbeat.Token);
        try
        {
            await handler.RunAsync(job, stoppingToken);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down gracefully: the job goes back to the queue at once, its attempt not counted, so the next
            // instance (or this one after a restart) takes it without waiting for the lease to run out.
            await StopAsync(heartbeat, keepAlive);
            await HandBackAsync(job);
            throw new OperationCanceledException(stoppingToken);
        }
        catch (MediaUnreadableException ex)
        {
            await StopAsync(heartbeat, keepAlive);
            LogJobGaveUp(job.Kind, job.Id, job.TenantId, ex.Message);
            await handler.GiveUpAsync(job, ex, stoppingToken);
            await jobs.FailAsync(job, ex.Message, stoppingToken);
            return;
        }
        catch (Exception ex)
        {
            await StopAsync(heartbeat, keepAlive);
            if (job.Attempts >= job.MaxAttempts)
            {
                LogJobGaveUp(job.Kind, job.Id, job.TenantId, ex.Message);
                await handler.GiveUpAsync(job, ex, stoppingToken);
                await jobs.FailAsync(job, ex.ToString(), stoppingToken);
                return;
            }

            var delay = options.Value.RetryBaseDelay * Math.Pow(2, job.Attempts - 1);
            LogJobRetry(ex, job.Kind, job.Id, job.TenantId, job.Attempts, delay);
            await jobs.RetryAsync(job, ex.ToString(), clock.GetUtcNow().UtcDateTime + delay, stoppingToken);
            return;
        }

        await StopAsync(heartbeat, keepAlive);
        if (job.State == JobState.Running)
        {
            // Not already completed by the handler in its own last transaction (JobStore.CompleteWithinAsync).
            await jobs.CompleteAsync(job, stoppingToken);
        }
    }

    private async Task HandBackAsync(Job job)
    {
        // The stopping token has fired; the hand-back gets a few seconds of its own within the host's shutdown time.
        using var timeout = new CancellationTokenSource(HandBackTimeout);
        try
        {
            if (await jobs.ReleaseAsync(job, timeout.Token))
            {
                LogHandedBack(job.Kind, job.Id, job.TenantId);
            }
        }
        catch (Exception ex)
        {
            // The lease runs out instead, or the next start of this instance reclaims the job.
            LogLoopFailed(ex);
        }
    }

    /// <summary>Renews the lease at a third of its length while the handler runs, so long jobs are not taken twice.</summary>
    private async Task KeepLeaseAsync(Job job, CancellationToken cancellationToken)
    {
        var lease = options.Value.LeaseDuration;
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, clock, cancellationToken);
                try
                {
                    if (!await jobs.ExtendLeaseAsync(job, lease, cancellationToken))
                    {
                        LogLeaseLost(job.Kind, job.Id);
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup: the lease still has two thirds left, try again at the next beat.
                    LogLoopFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The job finished; nothing more to renew.
        }
    }

    private static async Task StopAsync(CancellationTokenSource heartbeat, Task keepAlive)
    {
        await heartbeat.CancelAsync();
        await keepAlive;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reclaimed {Count} jobs left leased by an earlier run of instance {InstanceId}")]
    private partial void LogReclaimed(int count, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: handed job {Kind} {JobId} (tenant {TenantId}) back to the queue")]
    private partial void LogHandedBack(string kind, Guid jobId, Guid? tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of job {Kind} {JobId}; another worker may run it again")]
    private partial void LogLeaseLost(string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job loop failed; pausing before the next lease")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {JobId} (tenant {TenantId}) failed on attempt {Attempt}; retrying in {Delay}")]
    private partial void LogJobRetry(Exception exception, string kind, Guid jobId, Guid? tenantId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} {JobId} (tenant {TenantId}) gave up: {Reason}")]
    private partial void LogJobGaveUp(string kind, Guid jobId, Guid? tenantId, string reason);
}
