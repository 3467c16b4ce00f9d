using MediaVault.Core.Processing;
using MediaVault.Data.Jobs;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Runs durable jobs: leases one, hands it to the handler for its kind, then completes it, schedules a retry with
/// exponential back-off, or gives up after the job's last attempt.
/// </summary>
public sealed partial class JobWorker(
    JobStore jobs,
    IEnumerable<IJobHandler> handlers,
    JobSignal signal,
    IOptions<JobWorkerOptions> options,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // With more than one loop, the first never takes background jobs (larger previews), so new uploads are
        // processed at once even while the others work through a backlog of previews.
        var count = Math.Max(0, options.Value.Concurrency);
        var loops = Enumerable.Range(0, count).Select(i => RunLoopAsync(includeBackground: count == 1 || i > 0, stoppingToken));
        return Task.WhenAll(loops);
    }

    private async Task RunLoopAsync(bool includeBackground, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await jobs.TryLeaseAsync(_owner, options.Value.LeaseDuration, includeBackground, stoppingToken);
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

        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var keepAlive = KeepLeaseAsync(job, heartbeat.Token);
        try
        {
            await handler.RunAsync(job, stoppingToken);
            await StopAsync(heartbeat, keepAlive);
            await jobs.CompleteAsync(job, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another worker takes the job again.
            throw;
        }
        catch (MediaUnreadableException ex)
        {
            await StopAsync(heartbeat, keepAlive);
            LogJobGaveUp(job.Kind, job.Id, job.TenantId, ex.Message);
            await handler.GiveUpAsync(job, ex.Message, stoppingToken);
            await jobs.FailAsync(job, ex.Message, stoppingToken);
        }
        catch (Exception ex)
        {
            await StopAsync(heartbeat, keepAlive);
            if (job.Attempts >= job.MaxAttempts)
            {
                LogJobGaveUp(job.Kind, job.Id, job.TenantId, ex.Message);
                await handler.GiveUpAsync(job, ex.Message, stoppingToken);
                await jobs.FailAsync(job, ex.ToString(), stoppingToken);
                return;
            }

            var delay = options.Value.RetryBaseDelay * Math.Pow(2, job.Attempts - 1);
            LogJobRetry(ex, job.Kind, job.Id, job.TenantId, job.Attempts, delay);
            await jobs.RetryAsync(job, ex.ToString(), clock.GetUtcNow().UtcDateTime + delay, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the lease of job {Kind} {JobId}; another worker may run it again")]
    private partial void LogLeaseLost(string kind, Guid jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job loop failed; pausing before the next lease")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Kind} {JobId} (tenant {TenantId}) failed on attempt {Attempt}; retrying in {Delay}")]
    private partial void LogJobRetry(Exception exception, string kind, Guid jobId, Guid? tenantId, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Kind} {JobId} (tenant {TenantId}) gave up: {Reason}")]
    private partial void LogJobGaveUp(string kind, Guid jobId, Guid? tenantId, string reason);
}
