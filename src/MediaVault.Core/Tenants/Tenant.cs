namespace MediaVault.Core.Tenants;

/// <summary>An organization or workspace. Every row and every stored object belongs to exactly one tenant.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    /// <summary>The external key used in tokens (the <c>tenant</c> claim) and on the CLI.</summary>
    public required string Key { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Browser origins (<c>scheme://host[:port]</c>) that may read this tenant's API answers, narrowing the deployment's
    /// <c>Cors:AllowedOrigins</c>; null keeps the deployment's list, empty allows none.
    /// </summary>
    public List<string>? AllowedOrigins { get; set; }

    /// <summary>
    /// The delivery profile (e.g. <c>spotify</c>) a release must pass before it can be submitted
    /// (<c>Releases:RequiredProfile</c>, set per tenant with the CLI); null lets every release be submitted.
    /// </summary>
    public string? RequiredReleaseProfile { get; set; }
}
