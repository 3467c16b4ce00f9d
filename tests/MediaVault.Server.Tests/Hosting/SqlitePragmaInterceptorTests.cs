using MediaVault.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.Hosting;

/// <summary><c>synchronous=NORMAL</c> and the busy handler are set once per native SQLite connection, and every native connection has them.</summary>
public sealed class SqlitePragmaInterceptorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "mediavault-synchronous-" + Guid.NewGuid().ToString("N") + ".db");

    [Fact]
    public async Task Every_open_of_a_pooled_or_a_new_native_connection_runs_with_synchronous_normal_and_a_busy_timeout()
    {
        var options = new DbContextOptionsBuilder<MediaVaultDbContext>()
            .UseSqlite($"Data Source={_path}").AddInterceptors(new SqlitePragmaInterceptor()).Options;
        await using var db = new MediaVaultDbContext(options);
        var seen = new List<long>();
        var timeouts = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            for (var open = 0; open < 3; open++)
            {
                await db.Database.OpenConnectionAsync();
                await using (var command = db.Database.GetDbConnection().CreateCommand())
                {
                    command.CommandText = "PRAGMA synchronous;";
                    seen.Add((long)(await command.ExecuteScalarAsync())!);
                    command.CommandText = "PRAGMA busy_timeout;";
                    timeouts.Add((long)(await command.ExecuteScalarAsync())!);
                }

                await db.Database.CloseConnectionAsync();
            }

            // A new native connection on the next open.
            SqliteConnection.ClearAllPools();
        }

        // 1 is NORMAL (the library's default is FULL, 2).
        Assert.All(seen, value => Assert.Equal(1, value));
        Assert.Equal(9, seen.Count);
        // 0: SqliteBusyWait's handler replaced the one busy_timeout=30000 installed (SQLite then reports no timeout;
        // SqliteBusyWaitTests shows the handler at work).
        Assert.All(timeouts, value => Assert.Equal(0, value));
        Assert.Equal(9, timeouts.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
