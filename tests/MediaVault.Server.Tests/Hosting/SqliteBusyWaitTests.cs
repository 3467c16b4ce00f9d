using MediaVault.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>
/// A writer that meets SQLite's write lock waits in short pauses of our own handler (not SQLite's 1, 2, 5, 10 … ms, nor
/// Microsoft.Data.Sqlite's 150 ms retries) and goes on once the lock is free; the schedule gives up after 30 s.
/// </summary>
public sealed class SqliteBusyWaitTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mediavault-busy-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public void The_schedule_pauses_250_microseconds_fifty_times_then_a_millisecond_and_gives_up_at_30_seconds()
    {
        Assert.Equal(250u, SqliteBusyWait.PauseBefore(0, TimeSpan.Zero));
        Assert.Equal(250u, SqliteBusyWait.PauseBefore(49, TimeSpan.FromMilliseconds(15)));
        Assert.Equal(1000u, SqliteBusyWait.PauseBefore(50, TimeSpan.FromMilliseconds(15)));
        Assert.Equal(1000u, SqliteBusyWait.PauseBefore(20_000, TimeSpan.FromSeconds(29.9)));
        Assert.Null(SqliteBusyWait.PauseBefore(20_000, TimeSpan.FromSeconds(30)));
        Assert.Equal(TimeSpan.FromSeconds(30), SqliteBusyWait.Timeout);
    }

    [Fact]
    public async Task A_write_that_meets_the_lock_pauses_in_our_handler_and_commits_once_the_lock_is_free()
    {
        await using var db = new MediaVaultDbContext(new DbContextOptionsBuilder<MediaVaultDbContext>()
            .UseSqlite($"Data Source={_path}").AddInterceptors(new SqlitePragmaInterceptor()).Options);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE t (x INTEGER);");

        await using var holder = new SqliteConnection($"Data Source={_path};Pooling=false");
        await holder.OpenAsync();
        await using (var begin = holder.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO t VALUES (1);";
            await begin.ExecuteNonQueryAsync();
        }

        var before = SqliteBusyWait.Pauses;
        var write = Task.Run(() => db.Database.ExecuteSqlRaw("INSERT INTO t VALUES (2);"));
        await Task.Delay(300);
        Assert.False(write.IsCompleted, "the write waits while the lock is held");
        DateTime committed;
        await using (var commit = holder.CreateCommand())
        {
            commit.CommandText = "COMMIT;";
            await commit.ExecuteNonQueryAsync();
            committed = DateTime.UtcNow;
        }

        Assert.Equal(1, await write.WaitAsync(TimeSpan.FromSeconds(10)));
        // Its own handler paused many times in 300 ms (SQLite's would have slept 11 times, with no count here).
        Assert.True(SqliteBusyWait.Pauses - before > 20, $"{SqliteBusyWait.Pauses - before} pauses");
        await using var count = holder.CreateCommand();
        count.CommandText = "SELECT group_concat(x) FROM (SELECT x FROM t ORDER BY x);";
        Assert.Equal("1,2", await count.ExecuteScalarAsync());
        Assert.True(DateTime.UtcNow >= committed);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }
}
