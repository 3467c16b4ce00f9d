using System.Text.Json.Nodes;

namespace MediaVault.Server.Api.Session;

/// <summary>Body of <c>GET /api/session</c>: who the web page acts as.</summary>
public sealed record SessionView(string Tenant, string Subject, IReadOnlyList<string> Permissions);

/// <summary>Body of <c>GET /api/media/{id}</c>: everything the web page's detail panel shows. Sizes in bytes.</summary>
public sealed record MediaDetailView(
    string Id,
    string Name,
    string Kind,
    string? MimeType,
    string State,
    string? FailureReason,
    string? FailureCode,
    long? Size,
    string? Sha256,
    string Storage,
    DateTime CreatedAt,
    DateTime? UploadedAt,
    DateTime? ProcessedAt,
    JsonObject Metadata,
    string? Url,
    IReadOnlyList<RenditionView> Renditions,
    IReadOnlyList<UsageView> Usages);

public sealed record RenditionView(string Name, string MimeType, string? Url, int? Width, int? Height, long Size);

/// <summary>Where a media is used: <c>kind</c> is release, track, product or variant; <c>link</c> is the owner's API path.</summary>
public sealed record UsageView(string Kind, Guid Id, Guid? ParentId, string Link);
