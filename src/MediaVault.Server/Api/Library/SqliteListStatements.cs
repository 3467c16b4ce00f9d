using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// Open SQLite connections reserved for list reads, each keeping the commands it ran prepared. Microsoft.Data.Sqlite
/// finalizes a command's statements when its connection closes, so a list on the context's pooled connection parsed
/// and planned the same SQL text on every request (about a tenth of the server's CPU under load). These connections
/// stay open and read only; with the write-ahead log every statement still starts its own read transaction, so a
/// read sees every commit made before it, exactly as on a fresh connection. Bounded: at most
/// <see cref="MaxIdle"/> idle connections, each with at most <see cref="MaxStatements"/> texts prepared (beyond that
/// its commands are finalized and it starts again); all are closed with the service provider.
/// </summary>
public sealed class SqliteListStatements : IDisposable
{
    public const int MaxStatements = 64;

    private static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount * 2);

    private readonly ConcurrentBag<Prepared> _idle = [];
    private bool _disposed;

    /// <summary>A connection of <paramref name="connectionString"/> with its prepared commands; give it back with <see cref="Return"/>.</summary>
    public Prepared Rent(string connectionString)
    {
        while (_idle.TryTake(out var prepared))
        {
            if (prepared.ConnectionString == connectionString)
            {
                return prepared;
            }

            prepared.Dispose();
        }

        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new Prepared(connectionString, connection);
    }

    /// <summary>Keeps <paramref name="prepared"/> for the next read, unless enough are idle or it failed.</summary>
    public void Return(Prepared prepared, bool healthy)
    {
        if (healthy && !_disposed && _idle.Count < MaxIdle)
        {
            _idle.Add(prepared);
            if (!_disposed)
            {
                return;
            }
        }

        prepared.Dispose();
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var prepared))
        {
            prepared.Dispose();
        }
    }

    /// <summary>One open connection and its commands by SQL text.</summary>
    public sealed class Prepared(string connectionString, SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public string ConnectionString { get; } = connectionString;

        public SqliteConnection Connection { get; } = connection;

        /// <summary>The command for <paramref name="text"/>, prepared on first use, with these parameter values only.</summary>
        public SqliteCommand Command(string text, List<(string Name, object Value)> parameters)
        {
            if (!_commands.TryGetValue(text, out var command))
            {
                if (_commands.Count >= MaxStatements)
                {
                    DisposeCommands();
                }

                command = Connection.CreateCommand();
                command.CommandText = text;
                command.Prepare();
                _commands[text] = command;
            }

            command.Parameters.Clear();
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command;
        }

        public void Dispose()
        {
            DisposeCommands();
            Connection.Dispose();
        }

        private void DisposeCommands()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _commands.Clear();
        }
    }
}
