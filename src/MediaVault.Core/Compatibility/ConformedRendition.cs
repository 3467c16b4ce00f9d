namespace MediaVault.Core.Compatibility;

/// <summary>
/// A media made to fit one social profile (<see cref="Profile"/>, i.e. a network and placement for the media's kind).
/// Its file is the media's rendition <see cref="RenditionName"/>, stored only once it passed the profile when analysed
/// again; until then the row is <see cref="ConformStatus.Processing"/>, or <see cref="ConformStatus.Failed"/> with a reason.
/// </summary>
public sealed class ConformedRendition
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string MediaId { get; set; }

    public required string Network { get; set; }

    public required string Placement { get; set; }

    /// <summary>The profile's name, e.g. <c>instagram-reels</c>; one row per media and profile.</summary>
    public required string Profile { get; set; }

    /// <summary><c>pad</c> (letterbox) or <c>crop</c> (centre crop), how the shape is fitted.</summary>
    public required string Fit { get; set; }

    /// <summary>Whether the request allowed cutting the end off a media longer than the profile allows.</summary>
    public bool Trim { get; set; }

    public ConformStatus Status { get; set; }

    /// <summary>The rendition holding the file, e.g. <c>conform-instagram-reels.mp4</c>.</summary>
    public required string RenditionName { get; set; }

    public string? MimeType { get; set; }

    public long? Size { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>Seconds; null for images.</summary>
    public double? Duration { get; set; }

    /// <summary>When failed: a plain sentence for clients (never a path or tool output).</summary>
    public string? FailureReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
