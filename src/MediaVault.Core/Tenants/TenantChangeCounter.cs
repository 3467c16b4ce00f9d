namespace MediaVault.Core.Tenants;

/// <summary>
/// How many committed changes a tenant's listed rows (<c>Media</c>, <c>Renditions</c>, <c>MediaTags</c>) have seen.
/// Kept by the database itself (triggers of the migration ListChangeCounters), never by application code, so every
/// write path and every instance sharing the database moves it. A tenant without a row has seen none (0).
/// </summary>
public sealed class TenantChangeCounter
{
    public Guid TenantId { get; set; }

    public long Version { get; set; }
}
