using MediaVault.Data;
using Npgsql;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// Reads the change counters of a set of tenants on PostgreSQL with one prepared statement on a connection of its own,
/// kept open: no EF Core connection open and close, no pool rent, and none of the reset Npgsql prepends to the next
/// command of a pooled connection (seven statements: <c>SET SESSION AUTHORIZATION DEFAULT; RESET ALL; CLOSE ALL;
/// UNLISTEN *; SELECT pg_advisory_unlock_all(); DISCARD SEQUENCES; DISCARD TEMP</c>). Not for concurrent use: its
/// only caller is <see cref="TenantCounterBatches"/>, which runs one read at a time. A failed read drops the
/// connection; the next read opens a new one.
/// </summary>
public sealed class PostgresTenantCounters(string connectionString) : IAsyncDisposable
{
    private const string Text = """SELECT "TenantId", "Version" FROM "TenantChanges" WHERE "TenantId" = ANY(@t)""";

    private readonly CancellationTokenSource _stopping = new();
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _command;

    /// <summary>Calls <paramref name="found"/> with each of <paramref name="tenants"/> that has a counter row.</summary>
    public async Task ReadAsync(Guid[] tenants, Action<Guid, long> found)
    {
        try
        {
            var command = _command ?? await OpenAsync();
            command.Parameters[0].Value = tenants;
            await using var reader = await command.ExecuteReaderAsync(_stopping.Token);
            while (await reader.ReadAsync(_stopping.Token))
            {
                found(reader.GetGuid(0), reader.GetInt64(1));
            }
        }
        catch (Exception)
        {
            await DropAsync();
            throw;
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

    private async Task DropAsync()
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
        await DropAsync();
    }
}
