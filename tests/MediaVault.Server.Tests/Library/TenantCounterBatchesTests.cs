using MediaVault.Server.Api.Library;

namespace MediaVault.Server.Tests.Library;

/// <summary>
/// The batching of counter reads on its own, with a read the test completes by hand (the PostgreSQL read behind it is
/// covered by LibraryListCacheTests in the scale-out run): a request never gets a value read by a batch that was
/// already sent when it arrived, requests waiting together share one read, and a failure reaches every request of its
/// batch without stopping the next.
/// </summary>
public sealed class TenantCounterBatchesTests
{
    private static readonly Guid A = Guid.NewGuid();
    private static readonly Guid B = Guid.NewGuid();
    private static readonly Guid C = Guid.NewGuid();

    [Fact]
    public async Task A_request_arriving_while_a_read_is_in_flight_waits_for_the_next_read()
    {
        var reads = new Reads();
        var batches = new TenantCounterBatches(reads.ReadAsync);
        var first = batches.ReadAsync(A, CancellationToken.None);
        var second = batches.ReadAsync(A, CancellationToken.None);

        await reads.StartedAsync(0);
        reads.Complete(0, new() { [A] = 1 });
        Assert.Equal(1, await first);
        Assert.False(second.IsCompleted);

        await reads.StartedAsync(1);
        Assert.Equal([A], reads.Tenants(1));
        reads.Complete(1, new() { [A] = 2 });
        Assert.Equal(2, await second);
    }

    [Fact]
    public async Task Requests_waiting_together_share_one_read_with_each_tenant_once()
    {
        var reads = new Reads();
        var batches = new TenantCounterBatches(reads.ReadAsync);
        var ct = CancellationToken.None;
        var first = batches.ReadAsync(A, ct);
        var waiting = new[] { batches.ReadAsync(A, ct), batches.ReadAsync(B, ct), batches.ReadAsync(A, ct), batches.ReadAsync(C, ct) };

        await reads.StartedAsync(0);
        reads.Complete(0, new() { [A] = 1 });
        await first;
        await reads.StartedAsync(1);
        Assert.Equal(new[] { A, B, C }.Order(), reads.Tenants(1).Order());
        reads.Complete(1, new() { [A] = 7, [B] = 3 });
        var values = await Task.WhenAll(waiting);
        Assert.Equal(new long[] { 7, 3, 7, 0 }, values);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task A_failed_read_fails_its_batch_and_the_next_batch_reads_again()
    {
        var reads = new Reads();
        var batches = new TenantCounterBatches(reads.ReadAsync);
        var ct = CancellationToken.None;
        var failed = batches.ReadAsync(A, ct);
        var next = batches.ReadAsync(B, ct);

        await reads.StartedAsync(0);
        reads.Fail(0, new InvalidOperationException("connection lost"));
        Assert.Equal("connection lost", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        await reads.StartedAsync(1);
        reads.Complete(1, new() { [B] = 5 });
        Assert.Equal(5, await next);
        Assert.Equal(9, await ReadAgainAsync(batches, reads, 2));
    }

    private static async Task<long> ReadAgainAsync(TenantCounterBatches batches, Reads reads, int index)
    {
        var again = batches.ReadAsync(A, CancellationToken.None);
        await reads.StartedAsync(index);
        reads.Complete(index, new() { [A] = 9 });
        return await again;
    }

    /// <summary>Every read the batches start, each finished when the test says.</summary>
    private sealed class Reads
    {
        private readonly Lock _gate = new();
        private readonly List<(Guid[] Tenants, Action<Guid, long> Found, TaskCompletionSource Done)> _started = [];
        private readonly List<TaskCompletionSource> _arrivals = [];

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _started.Count;
                }
            }
        }

        public Task ReadAsync(Guid[] tenants, Action<Guid, long> found)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _started.Add((tenants, found, done));
                Arrival(_started.Count - 1).TrySetResult();
            }

            return done.Task;
        }

        public Task StartedAsync(int index)
        {
            lock (_gate)
            {
                return Arrival(index).Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            }
        }

        public Guid[] Tenants(int index)
        {
            lock (_gate)
            {
                return _started[index].Tenants;
            }
        }

        public void Complete(int index, Dictionary<Guid, long> rows)
        {
            var (_, found, done) = Started(index);
            foreach (var (tenant, version) in rows)
            {
                found(tenant, version);
            }

            done.SetResult();
        }

        public void Fail(int index, Exception failure) => Started(index).Done.SetException(failure);

        private (Guid[] Tenants, Action<Guid, long> Found, TaskCompletionSource Done) Started(int index)
        {
            lock (_gate)
            {
                return _started[index];
            }
        }

        private TaskCompletionSource Arrival(int index)
        {
            while (_arrivals.Count <= index)
            {
                _arrivals.Add(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            return _arrivals[index];
        }
    }
}
