using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// One request's hold on an upload: renewed in the background (on its own database context) while the request streams
/// and completes, released when disposed. If the process dies the lease simply runs out.
/// </summary>
public sealed partial class TusLease : IAsyncDisposable
{
    private readonly IDbContextFactory<MediaVaultDbContext> _factory;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _length;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public TusLease(string uploadId, string owner, TimeSpan length, IDbContextFactory<MediaVaultDbContext> factory, TimeProvider clock, ILogger logger)
    {
        UploadId = uploadId;
        Owner = owner;
        _length = length;
        _factory = factory;
        _clock = clock;
        _logger = logger;
        _renewing = RenewAsync(_stop.Token);
    }

    public string UploadId { get; }

    public string Owner { get; }

    /// <summary>Set once the lock was let go as part of another update (the offset advanced): nothing left to release.</summary>
    public bool Released { get; set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        if (Released)
        {
            return;
        }

        try
        {
            // Not the request's token: a client that went away must still not leave the upload locked.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await using var db = await _factory.CreateDbContextAsync(timeout.Token);
            await db.Uploads.Where(u => u.Id == UploadId && u.LockOwner == Owner)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockOwner, (string?)null).SetProperty(u => u.LockedUntil, (DateTime?)null), timeout.Token);
        }
        catch (Exception ex)
        {
            // The database is unreachable or full: the lease runs out by itself within its length.
            LogReleaseFailed(ex, UploadId);
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_length / 3, _clock, cancellationToken);
                try
                {
                    await using var db = await _factory.CreateDbContextAsync(cancellationToken);
                    var until = _clock.GetUtcNow().UtcDateTime + _length;
                    var renewed = await db.Uploads.Where(u => u.Id == UploadId && u.LockOwner == Owner)
                        .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, until), cancellationToken);
                    if (renewed == 0)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup: the lease still has two thirds left, try again at the next beat.
                    LogRenewFailed(ex, UploadId);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The request finished; nothing more to renew.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lock of upload {UploadId}")]
    private partial void LogRenewFailed(Exception exception, string uploadId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the lock of upload {UploadId}; it runs out by itself")]
    private partial void LogReleaseFailed(Exception exception, string uploadId);
}
