using MediaVault.Core.Tenants;
using MediaVault.Data;

namespace MediaVault.Server.Hosting;

/// <summary>Creates API keys; the secret is returned once and only its hash is stored.</summary>
public static class ApiKeyCommands
{
    public static async Task<(string Id, string Secret)> CreateAsync(
        MediaVaultDbContext db, Guid tenantId, IEnumerable<string> permissions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var id = ApiKeySecret.NewId();
        var secret = ApiKeySecret.NewSecret();
        db.ApiKeys.Add(new ApiKey
        {
            Id = id,
            TenantId = tenantId,
            SecretHash = ApiKeySecret.Hash(secret),
            Permissions = string.Join(' ', permissions),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return (id, secret);
    }
}
