using System.Security.Claims;
using MediaVault.Core.Tenants;

namespace MediaVault.Server.Hosting;

/// <summary>Who is calling: principal, tenant key, granted permissions and the other tenants it may act as.</summary>
public sealed record Caller(string Subject, string TenantKey, IReadOnlySet<string> Permissions, IReadOnlySet<string> Organizations)
{
    /// <summary>The authenticated caller, or null when the request carries no valid credentials or no tenant claim.</summary>
    public static Caller? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var tenant = user.FindFirst(MediaVaultClaims.Tenant)?.Value;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            return null;
        }

        var permissions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in user.FindAll(MediaVaultClaims.Permissions).Concat(user.FindAll(MediaVaultClaims.Scope)))
        {
            permissions.UnionWith(claim.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var organizations = user.FindAll(MediaVaultClaims.Organizations).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var subject = user.FindFirst(MediaVaultClaims.Subject)?.Value ?? "";
        return new Caller(subject, tenant, permissions, organizations);
    }

    public bool Has(string permission) => Core.Tenants.Permissions.Satisfies(Permissions, permission);
}
