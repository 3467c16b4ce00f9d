using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MediaVault.Data.Postgres;

/// <summary>
/// Used only by <c>dotnet ef migrations add … --project src/MediaVault.Data.Postgres</c>: this assembly holds the
/// PostgreSQL migrations, the SQLite ones stay in MediaVault.Data.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<MediaVaultDbContext>
{
    public MediaVaultDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MediaVaultDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=design", o => o.MigrationsAssembly(DataServiceCollectionExtensions.PostgresMigrationsAssembly))
            .Options);
}
