using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MediaVault.Data;

/// <summary>Used only by <c>dotnet ef migrations add</c>.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MediaVaultDbContext>
{
    public MediaVaultDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MediaVaultDbContext>().UseSqlite("Data Source=design.db").Options);
}
