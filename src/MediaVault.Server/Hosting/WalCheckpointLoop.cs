using MediaVault.Data;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

/// <summary>
/// SQLite: runs <see cref="SqliteWalCheckpointer"/> once per <see cref="DatabaseOptions.CheckpointInterval"/>, and once
/// more when the server stops, so no request or job waits for a checkpoint's fsyncs (the connections have SQLite's
/// automatic checkpoint off). It runs on a thread of its own: a checkpoint may wait for the disk, and must not hold a
/// thread-pool thread meanwhile. A failed checkpoint is logged and tried again at the next beat; the log only grows
/// meanwhile.
/// </summary>
public sealed partial class WalCheckpointLoop(
    SqliteWalCheckpointer checkpointer, IOptions<DatabaseOptions> options, ILogger<WalCheckpointLoop> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Checkpoint();
    }

    private void Run(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointInterval;
        while (!stoppingToken.WaitHandle.WaitOne(interval))
        {
            Checkpoint();
        }
    }

    private void Checkpoint()
    {
        try
        {
            checkpointer.Checkpoint();
        }
        catch (Exception ex)
        {
            LogCheckpointFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed; trying again at the next interval")]
    private partial void LogCheckpointFailed(Exception exception);
}
