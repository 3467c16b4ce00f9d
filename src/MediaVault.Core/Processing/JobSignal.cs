namespace MediaVault.Core.Processing;

/// <summary>Wakes idle workers in this process when a request has just committed new jobs.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, int.MaxValue);

    public void Notify() => _semaphore.Release();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _semaphore.WaitAsync(timeout, cancellationToken);
}
