using MediaVault.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.Hosting;

/// <summary><c>synchronous=NORMAL</c> and a 30 s <c>busy_timeout</c> are set once per native SQLite connection, and every native connection has them.</summary>
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
        // SQLite's own default is 0: answer "busy" at once, and Microsoft.Data.Sqlite then sleeps 150 ms per retry.
        Assert.All(timeouts, value => Assert.Equal(30000, value));
        Assert.Equal(9, timeouts.Count);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
