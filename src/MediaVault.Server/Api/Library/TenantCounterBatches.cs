namespace MediaVault.Server.Api.Library;

/// <summary>
/// Reads tenants' change counters for every list request waiting at the same moment in one call of
/// <paramref name="read"/> (on PostgreSQL one round trip: <see cref="PostgresTenantCounters"/>). A request joins only a
/// batch that has not been sent yet, so the value it gets was read by a statement that started after the request
/// arrived: every write committed before the request (through any instance) is in it. One batch is in flight at a
/// time; requests arriving meanwhile form the next one. A batch holds one entry per tenant waiting, so its memory is
/// bounded by the requests in flight. <paramref name="read"/> gets each tenant once and leaves out tenants without a
/// counter (they read 0).
/// </summary>
public sealed class TenantCounterBatches(Func<Guid[], Action<Guid, long>, Task> read)
{
    private readonly Lock _gate = new();
    private Dictionary<Guid, TaskCompletionSource<long>>? _waiting;
    private bool _reading;

    /// <summary>The tenant's counter, 0 when it has none; throws what the read threw (the whole batch shares it).</summary>
    public Task<long> ReadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        Dictionary<Guid, TaskCompletionSource<long>>? start = null;
        Task<long> answer;
        lock (_gate)
        {
            _waiting ??= [];
            if (!_waiting.TryGetValue(tenantId, out var pending))
            {
                pending = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[tenantId] = pending;
            }

            answer = pending.Task;
            if (!_reading)
            {
                _reading = true;
                start = _waiting;
                _waiting = null;
            }
        }

        if (start is not null)
        {
            // The loop serves later requests too: it must not carry this request's context (activity, log scopes).
            using (ExecutionContext.SuppressFlow())
            {
                _ = ReadBatchesAsync(start);
            }
        }

        return answer.WaitAsync(cancellationToken);
    }

    private async Task ReadBatchesAsync(Dictionary<Guid, TaskCompletionSource<long>>? batch)
    {
        while (batch is not null)
        {
            try
            {
                var current = batch;
                await read([.. current.Keys], (tenant, version) => current.GetValueOrDefault(tenant)?.TrySetResult(version));
                foreach (var pending in current.Values)
                {
                    pending.TrySetResult(0);
                }
            }
            catch (Exception failure)
            {
                // Whatever the read threw goes to every request of the batch: none may wait forever.
                foreach (var pending in batch.Values)
                {
                    pending.TrySetException(failure);
                }
            }

            lock (_gate)
            {
                batch = _waiting;
                _waiting = null;
                _reading = batch is not null;
            }
        }
    }
}
