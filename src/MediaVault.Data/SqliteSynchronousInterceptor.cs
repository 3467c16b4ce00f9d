using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MediaVault.Data;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every SQLite connection: with the write-ahead log (set by the migrator) a commit
/// then appends to the log without waiting for the disk; a checkpoint syncs. The database stays consistent after any
/// crash, and a process crash loses nothing; a power cut may roll back the last commits — the same guarantee the
/// stored files have (they are renamed into place, not fsynced), and an orphaned file is swept. FULL made every
/// job lease, state change and upload wait for an fsync while holding SQLite's single write lock.
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
