using MediaVault.Core.Media;
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
        await FillDerivedColumnsAsync(cancellationToken);
    }

    /// <summary>
    /// Media stored before the search, name-sort and duration columns existed (migration MediaLibraryDetails) get them
    /// here, in C#, because the folding (lower-case, no diacritics) and the metadata JSON read must match what every
    /// write computes (<see cref="MediaSearchText.Fill"/>). Runs once in effect: afterwards no media has an empty key.
    /// </summary>
    private async Task FillDerivedColumnsAsync(CancellationToken cancellationToken)
    {
        var after = "";
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var batch = await db.Media.Where(m => m.NameKey == "" && m.Name != "" && string.Compare(m.Id, after) > 0)
                .OrderBy(m => m.Id).Take(500).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            batch.ForEach(MediaSearchText.Fill);
            await db.SaveChangesAsync(cancellationToken);
            after = batch[^1].Id;
        }
    }
}
