using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// Reads a tenant's change counter (<see cref="Core.Tenants.TenantChangeCounter"/>), which the database's own triggers
/// move on every committed write of a listed row: one single-row read by primary key, prepared on the connections
/// reserved for lists on SQLite; on PostgreSQL one prepared read for all requests waiting at once
/// (<see cref="TenantCounterBatches"/>). 0 for a tenant that has no row yet.
/// </summary>
public sealed class TenantChangeReader(MediaVaultDbContext db, SqliteListStatements statements, TenantCounterBatches postgres)
{
    private const string Text = """SELECT "Version" FROM "TenantChanges" WHERE "TenantId" = @t""";

    public async Task<long> ReadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var prepared = statements.Rent(db.Database.GetConnectionString()!);
            var healthy = false;
            try
            {
                // EF Core stores a Guid on SQLite as upper-case text.
                var version = await prepared.Command(Text, [("@t", tenantId.ToString().ToUpperInvariant())]).ExecuteScalarAsync(cancellationToken);
                healthy = true;
                return version is null ? 0 : Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture);
            }
            finally
            {
                statements.Return(prepared, healthy);
            }
        }

        return await postgres.ReadAsync(tenantId, cancellationToken);
    }
}
