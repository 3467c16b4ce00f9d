using System.Collections.Concurrent;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Hosting.Cors;

/// <summary>
/// Each tenant's own allowed origins (<see cref="Core.Tenants.Tenant.AllowedOrigins"/>), read only for cross-origin
/// requests and kept for <see cref="CacheLifetime"/>, so a change made with the CLI applies within that time.
/// </summary>
public sealed class TenantOrigins(IDbContextFactory<MediaVaultDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _cache = new();

    /// <summary>The tenant's normalized origins, or null when it keeps the deployment's list.</summary>
    public async ValueTask<IReadOnlySet<string>?> FindAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var entry) && now - entry.ReadAt < CacheLifetime)
        {
            return entry.Origins;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.AllowedOrigins).SingleOrDefaultAsync(cancellationToken);
        var origins = stored?.Select(o => CorsOrigins.Normalize(o, out _)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _cache[tenantId] = new Entry(origins, now);
        return origins;
    }

    private sealed record Entry(IReadOnlySet<string>? Origins, DateTimeOffset ReadAt);
}
