using System.Collections.Concurrent;
using MediaVault.Core.Tenants;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

/// <summary>Maps a tenant key to its id, provisioning unknown tenants on first use when <see cref="TenancyOptions.AutoProvision"/> is on.</summary>
public sealed class TenantResolver(IDbContextFactory<MediaVaultDbContext> dbFactory, IOptions<TenancyOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Guid> _known = new(StringComparer.Ordinal);

    /// <summary>The tenant's id, or null when it does not exist and may not be provisioned.</summary>
    public async Task<Guid?> ResolveAsync(string tenantKey, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(tenantKey, out var cached))
        {
            return cached;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Tenants.Where(t => t.Key == tenantKey).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null && options.Value.AutoProvision && tenantKey.Length <= 200)
        {
            id = await CreateAsync(db, tenantKey, cancellationToken);
        }

        if (id is { } found)
        {
            _known[tenantKey] = found;
        }

        return id;
    }

    /// <summary>Creates the tenant, or returns the existing one when another request created it first.</summary>
    public async Task<Guid> CreateAsync(MediaVaultDbContext db, string tenantKey, CancellationToken cancellationToken)
    {
        var tenant = new Tenant { Id = Guid.CreateVersion7(), Key = tenantKey, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return tenant.Id;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var existing = await db.Tenants.Where(t => t.Key == tenantKey).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return id;
            }

            // No other request won a race: the write itself failed (a full disk, a lost database), and says why.
            throw;
        }
    }
}
