namespace MediaVault.Core.Media;

/// <summary>A file derived from a media (thumbnail, poster frame, waveform…), stored beside the original in the same area.</summary>
public sealed class MediaRendition
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string MediaId { get; set; }

    /// <summary>Rendition name, also the last part of its storage key, e.g. <c>thumb-256.webp</c>.</summary>
    public required string Name { get; set; }

    public required string MimeType { get; set; }

    public long Size { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public DateTime CreatedAt { get; set; }
}
