using MediaVault.Core.Processing;
using MediaVault.Data;
using MediaVault.Data.Jobs;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>
/// SQLite's log is copied into the database by the server's checkpoint loop, not inside a commit: the server's
/// connections have the automatic checkpoint off, the loop copies every committed frame within its interval, and a last
/// checkpoint runs when the server stops. "In the database" is checked on a copy of the database file alone, without
/// its log, which is what a checkpoint changes.
/// </summary>
public sealed class WalCheckpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mediavault-checkpoint-" + Guid.NewGuid().ToString("N"));

    public WalCheckpointTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task With_background_checkpoints_a_commit_never_checkpoints_and_one_checkpoint_copies_every_frame()
    {
        var path = Path.Combine(_folder, "unit.db");
        await using (var db = Context(path, backgroundCheckpoints: true))
        {
            // Held open: closing the last connection checkpoints (another test clearing the pools would do that).
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE t (x BLOB);");
            // 3 000 commits of ~1 KiB: past SQLite's automatic checkpoint at 1 000 pages several times over.
            for (var i = 0; i < 3000; i++)
            {
                await db.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (randomblob(1000));");
            }

            Assert.Equal(0, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
            Assert.Null(RowsInDatabaseFile(path, "t"));

            var outcome = new SqliteWalCheckpointer($"Data Source={path}").Checkpoint();

            Assert.True(outcome.Complete, outcome.ToString());
            Assert.True(outcome.LogFrames > 1000, outcome.ToString());
            Assert.Equal(3000, RowsInDatabaseFile(path, "t"));

            // Nothing new in the log: the next one has nothing to copy and says so.
            var again = new SqliteWalCheckpointer($"Data Source={path}").Checkpoint();
            Assert.True(again.Complete, again.ToString());
        }
    }

    [Fact]
    public async Task Without_background_checkpoints_SQLite_keeps_its_automatic_checkpoint()
    {
        var path = Path.Combine(_folder, "cli.db");
        await using var db = Context(path, backgroundCheckpoints: false);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE t (x BLOB);");
        for (var i = 0; i < 3000; i++)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (randomblob(1000));");
        }

        Assert.Equal(1000, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
        Assert.True(RowsInDatabaseFile(path, "t") > 1000);
    }

    [Fact]
    public void A_checkpoint_of_a_database_that_is_not_there_fails_without_creating_it()
    {
        var path = Path.Combine(_folder, "missing.db");

        Assert.Throws<SqliteException>(() => new SqliteWalCheckpointer($"Data Source={path}").Checkpoint());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_server_checkpoints_within_its_interval_and_once_more_when_it_stops()
    {
        var dataPath = Path.Combine(_folder, "server");
        var (app, _) = await ServerFixture.StartAsync(dataPath, "--Database:CheckpointInterval=00:00:00.200");
        try
        {
            if (TestBackends.Postgres is not null)
            {
                Assert.Null(app.Services.GetService<SqliteWalCheckpointer>());
                return;
            }

            var factory = app.Services.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                Assert.Equal(0, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
            }

            var first = await EnqueueFarAwayJobAsync(app);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (JobInDatabaseFile(dataPath, first) != 1 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(1, JobInDatabaseFile(dataPath, first));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (TestBackends.Postgres is not null)
        {
            return;
        }

        // A server whose loop would not run for a minute: only the checkpoint at stop puts the job in the file. A
        // connection of the test's own stays open throughout, so no close of the server's connections (another test
        // clearing the pools, the server stopping) is the last one, which would checkpoint too.
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(dataPath, "mediavault.db")};Pooling=false");
        await holder.OpenAsync();
        var (slow, _) = await ServerFixture.StartAsync(dataPath, "--Database:CheckpointInterval=00:01:00");
        Guid last;
        try
        {
            last = await EnqueueFarAwayJobAsync(slow);
            Assert.Equal(0, JobInDatabaseFile(dataPath, last));
        }
        finally
        {
            await slow.StopAsync();
        }

        Assert.Equal(1, JobInDatabaseFile(dataPath, last));
        await slow.DisposeAsync();
    }

    private static async Task<Guid> EnqueueFarAwayJobAsync(WebApplication app)
    {
        // Due in a year: no worker takes it, so the row stays as written.
        var job = Job.Create(JobKinds.SweepOrphans, null, new { test = true }, DateTime.UtcNow.AddYears(1));
        Assert.True(await app.Services.GetRequiredService<JobStore>().TryEnqueueOnceAsync(job, CancellationToken.None));
        return job.Id;
    }

    private long? JobInDatabaseFile(string dataPath, Guid id) =>
        RowsInDatabaseFile(Path.Combine(dataPath, "mediavault.db"), "Jobs", $"\"Id\" = '{id.ToString().ToUpperInvariant()}'");

    /// <summary>Rows of <paramref name="table"/> in a copy of the database file without its log; null when the table is not in it.</summary>
    private long? RowsInDatabaseFile(string path, string table, string where = "1")
    {
        var copy = Path.Combine(_folder, "copy-" + Guid.NewGuid().ToString("N") + ".db");
        File.Copy(path, copy);
        try
        {
            using var connection = new SqliteConnection($"Data Source={copy};Pooling=false");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE name = '{table}';";
            if ((long)command.ExecuteScalar()! == 0)
            {
                return null;
            }

            command.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE {where};";
            return (long)command.ExecuteScalar()!;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private static MediaVaultDbContext Context(string path, bool backgroundCheckpoints) =>
        new(new DbContextOptionsBuilder<MediaVaultDbContext>()
            .UseSqlite($"Data Source={path}").AddInterceptors(new SqlitePragmaInterceptor(backgroundCheckpoints)).Options);

    private static async Task<long> ScalarAsync(MediaVaultDbContext db, string sql)
    {
        // Opening an open connection only counts up, and closing counts down: a connection the test holds stays open.
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
