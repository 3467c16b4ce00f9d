namespace MediaVault.Core.Releases;

/// <summary>A track of a release. At most one audio or video file or link is attached to it.</summary>
public sealed class Track
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ReleaseId { get; set; }

    public int TrackNumber { get; set; }

    public required string Title { get; set; }

    public string? Version { get; set; }

    public string? Isrc { get; set; }

    public string? Iswc { get; set; }

    /// <summary>Seconds.</summary>
    public double? Duration { get; set; }

    public string? Lyrics { get; set; }

    public string? Language { get; set; }

    public string? DisplayArtist { get; set; }

    public string? Explicit { get; set; }

    /// <summary>JSON object with <c>artists</c>, <c>mainGenre</c>, <c>subGenre</c>, <c>contributors</c>, <c>metadata</c>.</summary>
    public string AttributesJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
