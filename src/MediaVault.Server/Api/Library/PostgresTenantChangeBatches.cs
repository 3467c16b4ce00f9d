using MediaVault.Data;
using Npgsql;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// Reads tenants' change counters on PostgreSQL for every list request waiting at the same moment in one round trip:
/// one prepared statement (<c>WHERE "TenantId" = ANY(...)</c>) on a connection of its own, kept open, so a validated
/// cache hit costs neither an EF Core connection open and close nor Npgsql's reset of a pooled connection nor one
/// backend wake-up per request. A request joins only a batch that has not been sent yet, so the value it gets was read
/// by a statement that started after the request arrived: every write committed before the request (through any
/// instance) is in it. One batch is in flight at a time; requests arriving meanwhile form the next one. The batch
/// holds at most one entry per tenant waiting, so its memory is bounded by the requests in flight.
/// </summary>
public sealed class PostgresTenantChangeBatches(string connectionString) : IAsyncDisposable
{
    private const string Text = """SELECT "TenantId", "Version" FROM "TenantChanges" WHERE "TenantId" = ANY(@t)""";

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private Dictionary<Guid, TaskCompletionSource<long>>? _waiting;
    private bool _reading;
    private bool _disposed;

    // Touched only by the one batch loop running at a time (_reading).
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;

    /// <summary>The tenant's counter, 0 when it has no row; throws what the read threw (the whole batch shares it).</summary>
    public Task<long> ReadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        Dictionary<Guid, TaskCompletionSource<long>>? start = null;
        Task<long> answer;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
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
            _ = ReadBatchesAsync(start);
        }

        return answer.WaitAsync(cancellationToken);
    }

    private async Task ReadBatchesAsync(Dictionary<Guid, TaskCompletionSource<long>>? batch)
    {
        while (batch is not null)
        {
            try
            {
                await ReadBatchAsync(batch);
            }
            catch (Exception failure)
            {
                // Whatever the read threw goes to every request of the batch (none may wait forever); a broken
                // connection is opened anew for the next batch.
                await DropConnectionAsync();
                foreach (var pending in batch.Values)
                {
                    pending.TrySetException(failure);
                }
            }

            var stopped = false;
            lock (_gate)
            {
                batch = _waiting;
                _waiting = null;
                if (batch is null)
                {
                    // Once disposed, the loop that ends last drops the connection and no other starts.
                    stopped = _disposed;
                    _reading = stopped;
                }
            }

            if (stopped)
            {
                await DropConnectionAsync();
            }
        }
    }

    private async Task ReadBatchAsync(Dictionary<Guid, TaskCompletionSource<long>> batch)
    {
        var command = _command ?? await OpenAsync();
        command.Parameters[0].Value = batch.Keys.ToArray();
        await using (var reader = await command.ExecuteReaderAsync(_stopping.Token))
        {
            while (await reader.ReadAsync(_stopping.Token))
            {
                batch[reader.GetGuid(0)].TrySetResult(reader.GetInt64(1));
            }
        }

        foreach (var pending in batch.Values)
        {
            pending.TrySetResult(0);
        }
    }

    private async Task<NpgsqlCommand> OpenAsync()
    {
        var settings = new NpgsqlConnectionStringBuilder(DataServiceCollectionExtensions.WithAutoPrepare(connectionString));
        _connection = new NpgsqlConnection(settings.ConnectionString);
        await _connection.OpenAsync(_stopping.Token);
        _command = new NpgsqlCommand(Text, _connection);
        _command.Parameters.Add(new NpgsqlParameter<Guid[]>("t", []));
        // "Max Auto Prepare=0" in the connection string (a pooler in transaction mode) means: prepare nothing.
        if (settings.MaxAutoPrepare > 0)
        {
            await _command.PrepareAsync(_stopping.Token);
        }

        return _command;
    }

    private async Task DropConnectionAsync()
    {
        if (_command is not null)
        {
            await _command.DisposeAsync();
            _command = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        lock (_gate)
        {
            _disposed = true;
            if (_reading)
            {
                // The running loop owns the connection; it drops it when it ends.
                return;
            }

            _reading = true;
        }

        await DropConnectionAsync();
    }
}
