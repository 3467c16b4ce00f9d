using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Core.Storage;
using MediaVault.Server.Api.Delivery;

namespace MediaVault.Server.Api.Releases;

/// <summary>A media as the release surface shows it (the seed's Media schema).</summary>
public sealed record ReleaseMediaView(
    string CloudId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CloudUrl,
    string Type,
    string Name,
    bool IsLink,
    string? ReleasePath,
    JsonObject Metadata);

public sealed record TrackView(
    Guid Id,
    [property: JsonPropertyName("TenantId")] Guid TenantId,
    [property: JsonPropertyName("ReleaseId")] Guid ReleaseId,
    int TrackNumber,
    string Title,
    string? Version,
    string? Isrc,
    string? Iswc,
    double? Duration,
    string? Lyrics,
    string? Language,
    string? DisplayArtist,
    JsonNode? Artists,
    JsonNode? MainGenre,
    JsonNode? SubGenre,
    JsonNode? Contributors,
    IReadOnlyList<ReleaseMediaView> Media,
    JsonNode? Metadata,
    string? Explicit,
    DateTime CreatedAt,
    DateTime UpdatedAt);

public sealed record ReleaseView(
    Guid Id,
    string Title,
    string? DisplayArtist,
    JsonNode? Artists,
    string? Format,
    string? Type,
    string? Version,
    string? Label,
    string? Copyright,
    JsonNode? MainGenre,
    JsonNode? SubGenre,
    JsonNode? Contributors,
    string? Description,
    JsonNode? Metadata,
    string? Explicit,
    string? ReleaseDate,
    string? PreReleaseDate,
    string? OwnerId,
    string Status,
    string? Feedback,
    DateTime? SubmittedAt,
    DateTime? ReviewedAt,
    string? ReviewedById,
    DateTime? CompletedAt,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TrackView>? Tracks,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReleaseMediaView>? Media);

/// <summary>Maps entities to the release surface's JSON.</summary>
public sealed class ReleaseViews(MediaUrls urls)
{
    public ReleaseMediaView Media(HttpRequest request, MediaItem media, string mediaType)
    {
        var metadata = MediaMetadata.Parse(media.MetadataJson);
        if (!media.IsLink)
        {
            metadata["fileSize"] = media.Size;
            metadata["mimeType"] = media.MimeType;
            metadata["sha256"] = media.Sha256;
            metadata["uploadedAt"] = media.UploadedAt;
        }
        else if (!metadata.ContainsKey("linkValidated"))
        {
            metadata["linkValidated"] = false;
        }

        if (media.ProcessedAt is { } processedAt)
        {
            metadata["processedAt"] = processedAt;
        }
        metadata["mediaType"] = mediaType;
        metadata["state"] = media.State.ToString().ToLowerInvariant();
        if (media.FailureReason is not null)
        {
            metadata["failureReason"] = media.FailureReason;
            metadata["failureCode"] = media.FailureCode;
        }

        if (!media.IsLink)
        {
            metadata["storage"] = media.Area.ToString().ToLowerInvariant();
        }
        if (media.Renditions.Count > 0)
        {
            metadata["renditions"] = new JsonArray(media.Renditions.Select(r => (JsonNode)new JsonObject
            {
                ["name"] = r.Name,
                ["mimeType"] = r.MimeType,
                ["url"] = urls.For(request, media, r.Name),
                ["width"] = r.Width,
                ["height"] = r.Height,
                ["fileSize"] = r.Size,
            }).ToArray());
        }

        metadata.Remove(AnalysisKeys.ConformedFixes);
        var conformed = media.Renditions.Where(r => ReleaseConformedRenditions.ProfileOf(r.Name) is not null).ToList();
        if (conformed.Count > 0)
        {
            metadata["conformed"] = new JsonObject(conformed.Select(r =>
                KeyValuePair.Create(ReleaseConformedRenditions.ProfileOf(r.Name)!, (JsonNode?)urls.For(request, media, r.Name))));
        }

        RemoveNulls(metadata);
        var releasePath = media.IsLink || media.Area == StorageArea.Permanent
            ? null
            : BlobKey.Original(media.Area, media.TenantId, media.Id).Path;
        return new ReleaseMediaView(media.Id, urls.For(request, media), media.Kind.ToString().ToLowerInvariant(), media.Name, media.IsLink, releasePath, metadata);
    }

    public static ReleaseView Release(Release release, IReadOnlyList<TrackView>? tracks, IReadOnlyList<ReleaseMediaView>? media)
    {
        var attributes = Attributes(release.AttributesJson);
        return new ReleaseView(
            release.Id, release.Title, release.DisplayArtist, attributes["artists"], release.Format, release.Type, release.Version,
            release.Label, release.Copyright, attributes["mainGenre"], attributes["subGenre"], attributes["contributors"],
            release.Description, attributes["metadata"], release.Explicit, release.ReleaseDate, release.PreReleaseDate, release.OwnerId,
            release.Status.ToWire(), release.Feedback, release.SubmittedAt, release.ReviewedAt, release.ReviewedById, release.CompletedAt,
            release.CreatedAt, release.UpdatedAt, tracks, media);
    }

    public static TrackView Track(Track track, IReadOnlyList<ReleaseMediaView> media)
    {
        var attributes = Attributes(track.AttributesJson);
        return new TrackView(
            track.Id, track.TenantId, track.ReleaseId, track.TrackNumber, track.Title, track.Version, track.Isrc, track.Iswc,
            track.Duration, track.Lyrics, track.Language, track.DisplayArtist, attributes["artists"], attributes["mainGenre"],
            attributes["subGenre"], attributes["contributors"], media, attributes["metadata"], track.Explicit, track.CreatedAt, track.UpdatedAt);
    }

    /// <summary>
    /// The seed types every metadata field it names as a string, number or boolean, never null: a value not known yet
    /// (or not measured for this file) is left out rather than sent as null.
    /// </summary>
    private static void RemoveNulls(JsonObject metadata)
    {
        foreach (var key in metadata.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            metadata.Remove(key);
        }
    }

    private static JsonObject Attributes(string json)
    {
        var attributes = MediaMetadata.Parse(json);
        foreach (var name in new[] { "artists", "mainGenre", "subGenre", "contributors", "metadata" })
        {
            if (!attributes.ContainsKey(name))
            {
                attributes[name] = name is "mainGenre" or "subGenre" ? new JsonArray() : new JsonObject();
            }
        }

        return attributes;
    }
}
