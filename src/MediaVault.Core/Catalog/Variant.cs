namespace MediaVault.Core.Catalog;

/// <summary>A variant of a product. Its ordered media list lives in <see cref="Media.MediaUsage"/> rows (owner kind <c>variant</c>).</summary>
public sealed class Variant
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ProductId { get; set; }

    public string? Name { get; set; }

    public string? Sku { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
