using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediaVault.Data;

/// <summary>
/// Sets two pragmas (three with background checkpoints) on every SQLite connection, once per native handle.
/// <list type="bullet">
/// <item><c>synchronous=NORMAL</c>: with the write-ahead log (set by the migrator) a commit then appends to the log
/// without waiting for the disk; a checkpoint syncs. The database stays consistent after any crash, and a process crash
/// loses nothing; a power cut may roll back the last commits — the same guarantee the stored files have (they are
/// renamed into place, not fsynced), and an orphaned file is swept. FULL made every job lease, state change and upload
/// wait for an fsync while holding SQLite's single write lock.</item>
/// <item><c>busy_timeout</c>: a writer that finds the write lock taken waits inside SQLite, which retries within
/// milliseconds of the lock's release. Without it SQLite answers "busy" at once and Microsoft.Data.Sqlite retries the
/// statement only after sleeping 150 ms: a job worker or an upload that met another commit sat idle for 150 ms while
/// the lock was free again within one. Then <see cref="SqliteBusyWait"/> replaces SQLite's handler with one that
/// tries again every 250 µs instead of after 1, 2, 5, 10 … ms (the same 30 s limit); <c>busy_timeout</c> stays where
/// it cannot be installed.</item>
/// <item><c>wal_autocheckpoint=0</c>, only when <paramref name="backgroundCheckpoints"/> says the server runs
/// <see cref="SqliteWalCheckpointer"/> on a loop of its own: no commit then waits for a checkpoint's fsyncs.</item>
/// </list>
/// The settings belong to the native connection, which Microsoft.Data.Sqlite's pool keeps open across
/// <c>Open</c>/<c>Close</c>: they are set once per native handle (remembered weakly, so a handle the pool drops is
/// forgotten with it), not on every open — that was one more statement parsed and run per request.
/// </summary>
public sealed class SqlitePragmaInterceptor(bool backgroundCheckpoints = false) : DbConnectionInterceptor
{
    /// <summary>SQLite waits for the write lock up to the 30 s Microsoft.Data.Sqlite gives a command by default.</summary>
    private readonly string _pragma = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;"
        + (backgroundCheckpoints ? " PRAGMA wal_autocheckpoint=0;" : "");

    private static readonly object Applied = new();

    private readonly ConditionalWeakTable<object, object> _applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragma(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragma;
            command.ExecuteNonQuery();
            InstallBusyWait(connection);
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragma(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            InstallBusyWait(connection);
            Remember(connection);
        }
    }

    private static void InstallBusyWait(DbConnection connection)
    {
        if (connection is SqliteConnection sqlite)
        {
            SqliteBusyWait.TryInstall(sqlite);
        }
    }

    private bool NeedsPragma(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_applied.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _applied.AddOrUpdate(handle, Applied);
        }
    }
}
