namespace MediaVault.Core.Releases;

/// <summary>A music release. Free-form reference fields (artists, genres, contributors, metadata) are kept as JSON.</summary>
public sealed class Release
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Title { get; set; }

    public string? DisplayArtist { get; set; }

    public string? Format { get; set; }

    public string? Type { get; set; }

    public string? Version { get; set; }

    public string? Label { get; set; }

    public string? Copyright { get; set; }

    public string? Description { get; set; }

    public string? Explicit { get; set; }

    public string? ReleaseDate { get; set; }

    public string? PreReleaseDate { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>JSON object with <c>artists</c>, <c>mainGenre</c>, <c>subGenre</c>, <c>contributors</c>, <c>metadata</c>.</summary>
    public string AttributesJson { get; set; } = "{}";

    public ReleaseStatus Status { get; set; }

    public string? Feedback { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedById { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Track> Tracks { get; set; } = [];
}
