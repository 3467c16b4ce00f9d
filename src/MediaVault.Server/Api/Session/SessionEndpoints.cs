using MediaVault.Core.Media;
using MediaVault.Core.Tenants;
using MediaVault.Server.Api.Catalog;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Api.Releases;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Session;

/// <summary>What the web page at <c>/</c> needs beyond the public surfaces: the caller, and one media in full.</summary>
public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Web Page").WithSurface(ApiSurface.WebPage);
        group.MapGet("/session", GetSession).WithName("getSession")
            .WithSummary("Who am I (our addition)")
            .WithDescription("The tenant, subject and permissions of the credentials sent; 401 without any.");
        group.MapGet("/media/{mediaId}", GetMediaAsync).WithName("getMediaDetail")
            .WithSummary("A media in full (our addition)")
            .WithDescription("Every stored field, the parsed metadata, signed URLs of the original and each rendition, and where the media is used. Needs media:read; another tenant's media is 404.");
        return routes;
    }

    private static Results<Ok<SessionView>, ReleaseErrorResult> GetSession(HttpContext context) =>
        Caller.From(context.User) is { } caller
            ? TypedResults.Ok(new SessionView(caller.TenantKey, caller.Subject, caller.Permissions.Order(StringComparer.Ordinal).ToList()))
            : ReleaseErrors.Unauthorized();

    private static async Task<Results<Ok<MediaDetailView>, ReleaseErrorResult>> GetMediaAsync(
        string mediaId, HttpContext context, MediaDetailLoader details, MediaUrls urls, CancellationToken ct)
    {
        if (Caller.From(context.User) is not { } caller)
        {
            return ReleaseErrors.Unauthorized();
        }

        if (!caller.Has(Permissions.MediaRead))
        {
            return ReleaseErrors.Forbidden($"Forbidden: missing permission {Permissions.MediaRead}");
        }

        var media = await details.FindAsync(caller.TenantKey, mediaId, ct);
        if (media is null)
        {
            return ReleaseErrors.NotFound(ReleaseErrors.MediaNotFound);
        }

        var request = context.Request;
        var renditions = media.Renditions.OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new RenditionView(r.Name, r.MimeType, urls.For(request, media, r.Name), r.Width, r.Height, r.Size))
            .ToList();
        var usages = media.Usages.OrderBy(u => u.OwnerKind, StringComparer.Ordinal).ThenBy(u => u.Position)
            .Select(u => new UsageView(u.OwnerKind, u.OwnerId, u.ParentId, Link(u)))
            .ToList();
        return TypedResults.Ok(new MediaDetailView(
            media.Id, media.Name, media.IsLink ? "link" : media.Kind.ToString().ToLowerInvariant(), media.MimeType,
            media.State.ToString().ToLowerInvariant(), media.FailureReason, media.FailureCode, media.Size, media.Sha256,
            media.Area.ToString().ToLowerInvariant(), media.CreatedAt, media.UploadedAt, media.ProcessedAt,
            MediaMetadata.Parse(media.MetadataJson), urls.For(request, media), renditions, usages));
    }

    private static string Link(MediaUsage usage) => usage.OwnerKind switch
    {
        UsageOwners.Product => CatalogIris.Product(usage.OwnerId),
        UsageOwners.Variant => CatalogIris.Variant(usage.OwnerId),
        UsageOwners.Track => $"/releases/{usage.ParentId}/tracks/{usage.OwnerId}",
        _ => $"/releases/{usage.OwnerId}",
    };
}
