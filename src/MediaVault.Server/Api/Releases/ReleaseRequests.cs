using System.Text.Json.Nodes;

namespace MediaVault.Server.Api.Releases;

/// <summary>Body of <c>POST /releases</c> and <c>PUT /releases/{id}</c>; on PUT every field is optional.</summary>
public sealed class ReleaseFields
{
    public string? Title { get; set; }

    public string? DisplayArtist { get; set; }

    public JsonNode? Artists { get; set; }

    public string? Format { get; set; }

    public string? Type { get; set; }

    public string? Version { get; set; }

    public string? Label { get; set; }

    public string? Copyright { get; set; }

    public JsonNode? MainGenre { get; set; }

    public JsonNode? SubGenre { get; set; }

    public JsonNode? Contributors { get; set; }

    public string? Description { get; set; }

    public JsonNode? Metadata { get; set; }

    public string? Explicit { get; set; }

    public string? ReleaseDate { get; set; }

    public string? PreReleaseDate { get; set; }

    public string? OwnerId { get; set; }

    /// <summary>Links to attach at creation (<c>{url, type, name}</c>).</summary>
    public List<LinkItem>? Media { get; set; }

    public List<TrackFields>? Tracks { get; set; }
}

/// <summary>Body of <c>POST /releases/{id}/tracks</c>, and an item of <c>tracks[]</c> at release creation.</summary>
public sealed class TrackFields
{
    public int? TrackNumber { get; set; }

    public string? Title { get; set; }

    public string? Version { get; set; }

    public string? Isrc { get; set; }

    public string? Iswc { get; set; }

    public double? Duration { get; set; }

    public string? Lyrics { get; set; }

    public string? Language { get; set; }

    public string? DisplayArtist { get; set; }

    public JsonNode? Artists { get; set; }

    public JsonNode? MainGenre { get; set; }

    public JsonNode? SubGenre { get; set; }

    public JsonNode? Contributors { get; set; }

    public JsonNode? Metadata { get; set; }

    public string? Explicit { get; set; }

    public List<LinkItem>? Media { get; set; }
}

/// <summary>A link to media held elsewhere.</summary>
public sealed class LinkItem
{
    public string? Url { get; set; }

    public string? Name { get; set; }

    public string? Type { get; set; }
}

/// <summary>Body of <c>POST /releases/{id}/media/links</c>.</summary>
public sealed class LinksRequest
{
    public List<LinkItem>? Links { get; set; }
}

/// <summary>Body of <c>POST /releases/{id}/review</c> (and of the <c>/approve</c>, <c>/reject</c> aliases, without action).</summary>
public sealed class ReviewRequest
{
    public string? Action { get; set; }

    public string? Feedback { get; set; }
}

/// <summary>Body of <c>POST /releases/{id}/revert-status</c>.</summary>
public sealed class RevertStatusRequest
{
    public string? TargetStatus { get; set; }

    public string? Reason { get; set; }
}
