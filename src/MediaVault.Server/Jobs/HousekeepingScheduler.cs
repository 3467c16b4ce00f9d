using System.Security.Cryptography;
using System.Text;
using MediaVault.Core.Processing;
using MediaVault.Data.Jobs;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Enqueues the sweeps once per interval. The job id is derived from the kind and the interval's number, so when
/// several instances share a database only the first insert of each period wins.
/// </summary>
public sealed partial class HousekeepingScheduler(
    JobStore jobs, JobSignal signal, IOptions<HousekeepingOptions> options, TimeProvider clock, ILogger<HousekeepingScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var period = now.Ticks / interval.Ticks;
                var added = false;
                foreach (var kind in new[] { JobKinds.SweepOrphans, JobKinds.ExpirePending })
                {
                    var job = Job.Create(kind, null, new { period }, now);
                    job.Id = PeriodId(kind, period);
                    added |= await jobs.TryEnqueueOnceAsync(job, stoppingToken);
                }

                if (added)
                {
                    signal.Notify();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScheduleFailed(ex);
            }

            await Task.Delay(interval, clock, stoppingToken);
        }
    }

    private static Guid PeriodId(string kind, long period) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{period}"))[..16]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not schedule housekeeping; trying again next interval")]
    private partial void LogScheduleFailed(Exception exception);
}
