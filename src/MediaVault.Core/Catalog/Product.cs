namespace MediaVault.Core.Catalog;

/// <summary>A catalogue product. Its ordered media list lives in <see cref="Media.MediaUsage"/> rows (owner kind <c>product</c>).</summary>
public sealed class Product
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public string? Name { get; set; }

    public string? Sku { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
