using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Opens the database of a server over a data folder (SQLite file, or its PostgreSQL database) to look at jobs.</summary>
public static class TestDatabase
{
    public static MediaVaultDbContext Open(string dataPath)
    {
        var options = new DbContextOptionsBuilder<MediaVaultDbContext>();
        const string prefix = "--ConnectionStrings:Default=";
        if (TestBackends.Arguments(dataPath).FirstOrDefault(a => a.StartsWith(prefix, StringComparison.Ordinal)) is { } pg)
        {
            options.UseNpgsql(pg[prefix.Length..], o => o.MigrationsAssembly(DataServiceCollectionExtensions.PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite($"Data Source={Path.Combine(dataPath, "mediavault.db")};Pooling=false");
        }

        return new MediaVaultDbContext(options.Options);
    }
}
