namespace MediaVault.Core.Media;

/// <summary>Something that references a media: a release, a track, a catalog product or variant.</summary>
public sealed class MediaUsage
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string MediaId { get; set; }

    /// <summary>One of <see cref="UsageOwners"/>.</summary>
    public required string OwnerKind { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>The owner's parent where it has one (a track's release, a variant's product).</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Order within the owner's list.</summary>
    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }
}
