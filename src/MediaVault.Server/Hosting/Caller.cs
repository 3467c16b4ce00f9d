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

        // Exactly one tenant: several (a JSON array) would make the choice of tenant arbitrary.
        var tenants = user.FindAll(MediaVaultClaims.Tenant).Take(2).ToList();
        if (tenants.Count != 1 || string.IsNullOrWhiteSpace(tenants[0].Value))
        {
            return null;
        }

        var tenant = tenants[0].Value;

        // Each `permissions` value is one permission, taken as written: "media:read admin" is one unknown name that
        // grants nothing. Only the OAuth `scope` claim is a space-separated list (RFC 8693 §4.2).
        var permissions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in user.FindAll(MediaVaultClaims.Permissions))
        {
            permissions.Add(claim.Value);
        }

        foreach (var claim in user.FindAll(MediaVaultClaims.Scope))
        {
            permissions.UnionWith(claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        var organizations = user.FindAll(MediaVaultClaims.Organizations).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var subject = user.FindFirst(MediaVaultClaims.Subject)?.Value ?? "";
        return new Caller(subject, tenant, permissions, organizations);
    }

    public bool Has(string permission) => Core.Tenants.Permissions.Satisfies(Permissions, permission);
}
