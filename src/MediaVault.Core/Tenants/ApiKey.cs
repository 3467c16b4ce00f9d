namespace MediaVault.Core.Tenants;

/// <summary>A tenant's API key. The secret is never stored; only its SHA-256 hash is.</summary>
public sealed class ApiKey
{
    /// <summary>The public identifier sent as <c>X-API-ID</c>.</summary>
    public required string Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string SecretHash { get; set; }

    /// <summary>Space-separated permission names.</summary>
    public required string Permissions { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
