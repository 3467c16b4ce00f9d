using Microsoft.EntityFrameworkCore;

namespace MediaVault.Data;

/// <summary>Applies pending migrations. Safe to run on every start.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<MediaVaultDbContext> factory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while one writer commits; the setting is stored in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
