using MediaVault.Core.Storage;

namespace MediaVault.Core.Media;

/// <summary>A tenant's file or link. Its stored bytes live under keys built from <see cref="TenantId"/> and <see cref="Id"/> only.</summary>
public sealed class MediaItem
{
    /// <summary>Opaque, URL-safe and unguessable.</summary>
    public required string Id { get; set; }

    public Guid TenantId { get; set; }

    public MediaKind Kind { get; set; }

    /// <summary>The sanitized original file name, or a link's title. Never used as a storage path.</summary>
    public required string Name { get; set; }

    public bool IsLink { get; set; }

    /// <summary>For links: the submitted URL.</summary>
    public string? LinkUrl { get; set; }

    public MediaState State { get; set; }

    /// <summary>When failed: a plain sentence for clients (never a path or tool output).</summary>
    public string? FailureReason { get; set; }

    /// <summary>When failed: the stable code of <see cref="FailureReason"/> (see <c>MediaFailures.Code</c>), e.g. <c>too_long</c>.</summary>
    public string? FailureCode { get; set; }

    public StorageArea Area { get; set; }

    /// <summary>Size of the original in bytes; null for links and pending media.</summary>
    public long? Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the original.</summary>
    public string? Sha256 { get; set; }

    public string? MimeType { get; set; }

    /// <summary>Extracted metadata as a JSON object (see <see cref="MediaMetadata"/>).</summary>
    public string MetadataJson { get; set; } = "{}";

    /// <summary>Text describing the media for people who cannot see or hear it (at most 1000 characters); null until set.</summary>
    public string? AltText { get; set; }

    /// <summary>Free text (at most 5000 characters); null until set.</summary>
    public string? Description { get; set; }

    /// <summary>When archived: hidden from the default list and pickers, still stored and served. Independent of <see cref="State"/>.</summary>
    public DateTime? ArchivedAt { get; set; }

    /// <summary>
    /// The duration sort's key: seconds as extracted (or declared until processed), -1 for images and when unknown.
    /// Never null so the sort is an index range on every database (NULLs order differently on SQLite and PostgreSQL).
    /// Kept by <see cref="MediaSearchText.Fill"/>.
    /// </summary>
    public double DurationKey { get; set; } = -1;

    /// <summary>
    /// Pixel width as lists show it (<c>specs.width</c>): the extracted <c>width</c> of <see cref="MetadataJson"/>, else the
    /// declared one; null when neither is an integer. Kept by <see cref="MediaSearchText.Fill"/> so a list page reads
    /// three columns instead of parsing every item's metadata.
    /// </summary>
    public int? Width { get; set; }

    /// <summary>Pixel height as lists show it, like <see cref="Width"/>.</summary>
    public int? Height { get; set; }

    /// <summary>Seconds as lists show it (<c>specs.duration</c>): extracted, else declared; null for images and when unknown. Kept by <see cref="MediaSearchText.Fill"/>.</summary>
    public double? Duration { get; set; }

    /// <summary>The size sort's key: <see cref="Size"/>, or -1 while unknown. Kept by <see cref="MediaSearchText.Fill"/>.</summary>
    public long SizeKey { get; set; } = -1;

    /// <summary><see cref="Name"/> folded by <see cref="MediaSearchText.Normalize"/>: the name sort's key.</summary>
    public string NameKey { get; set; } = "";

    /// <summary>Name, alt text and description folded by <see cref="MediaSearchText.Normalize"/>: what <c>q</c> searches (tags have their own).</summary>
    public string SearchText { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? UploadedAt { get; set; }

    public DateTime? ProcessedAt { get; set; }

    public List<MediaRendition> Renditions { get; set; } = [];

    public List<MediaUsage> Usages { get; set; } = [];

    /// <summary>Ordered as written; at most one per <see cref="MediaTag.Key"/>.</summary>
    public List<MediaTag> Tags { get; set; } = [];
}
