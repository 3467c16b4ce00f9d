using Microsoft.Data.Sqlite;

namespace MediaVault.Data;

/// <summary>
/// Copies the SQLite write-ahead log back into the database off the request and job paths. By default SQLite does
/// that inside the commit that takes the log past 1 000 pages: the connection that committed (an upload's answer, a
/// job's last write) then waits for two fsyncs, 5–25 ms on an idle disk and over 100 ms behind the writeback of a burst
/// of uploads. When a checkpointer is registered, <see cref="SqlitePragmaInterceptor"/> turns that automatic checkpoint
/// off on every connection and the server's checkpoint loop calls <see cref="CheckpointAsync"/> instead.
/// A passive checkpoint never waits for, nor blocks, readers or writers; the log is reused from its start by the first
/// writer after a complete one, as with the automatic checkpoint. When the log holds nothing new it touches no disk.
/// A process that stops without one loses nothing: the next open reads the log, and closing the last connection
/// checkpoints it.
/// </summary>
public sealed class SqliteWalCheckpointer(string connectionString)
{
    // Never creates the database: a checkpoint before the migration made it (or after its folder went) only fails.
    private readonly string _connectionString = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString();

    /// <summary>What one checkpoint did: frames in the log, and frames now copied into the database (both -1 outside WAL mode).</summary>
    public readonly record struct Outcome(bool Busy, long LogFrames, long CheckpointedFrames)
    {
        /// <summary>Every frame in the log is in the database: the next writer starts the log again from its beginning.</summary>
        public bool Complete => !Busy && LogFrames == CheckpointedFrames;
    }

    /// <summary>
    /// Runs one passive checkpoint on a connection of its own. Synchronous on purpose: it may wait for the disk, and its
    /// caller gives it a thread of its own rather than hold one of the thread pool's.
    /// </summary>
    public Outcome Checkpoint()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new Outcome(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2)) : new Outcome(false, -1, -1);
    }
}
