namespace MediaVault.Core.Tenants;

/// <summary>An organization or workspace. Every row and every stored object belongs to exactly one tenant.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }

    /// <summary>The external key used in tokens (the <c>tenant</c> claim) and on the CLI.</summary>
    public required string Key { get; set; }

    public DateTime CreatedAt { get; set; }
}
