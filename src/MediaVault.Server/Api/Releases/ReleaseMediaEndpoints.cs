using MediaVault.Core.Media;
using MediaVault.Core.Tenants;
using MediaVault.Server.Api.Uploads;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Releases;

/// <summary>Release media exactly as the seeds document them, plus links and track media from the same reference.</summary>
public static class ReleaseMediaEndpoints
{
    public static IEndpointRouteBuilder MapReleaseMediaEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/releases/{id}").WithTags("Release Media").WithSurface(ApiSurface.Releases);
        group.MapGet("/media", ListAsync).RequireReleaseAccess(Permissions.ReleasesRead).WithName("listReleaseMedia")
            .WithSummary("Get Release Media");
        group.MapPost("/media/files", UploadFilesAsync).RequireReleaseAccess(Permissions.ReleasesWrite)
            .WithName("uploadReleaseMediaFiles").AcceptsFiles(repeated: true, "files").ProducesErrors(409, 413, 507)
            .WithSummary("Upload Media Files to Release")
            .WithDescription("Field `files`, repeated. Streamed to temporary storage; the type is sniffed from the content. All files of a request are stored, or none.");
        group.MapPost("/media/links", AddLinksAsync).RequireReleaseAccess(Permissions.ReleasesWrite)
            .WithName("addReleaseMediaLinks").Accepts<LinksRequest>("application/json").ProducesErrors(409, 413)
            .WithSummary("Submit media links to a release");
        group.MapDelete("/media/{mediaId}", DeleteAsync).RequireReleaseAccess(Permissions.ReleasesWrite).WithName("deleteReleaseMedia").ProducesErrors(409)
            .WithSummary("Delete Release Media")
            .WithDescription("Removes the media, its stored original and every rendition.");
        group.MapPost("/tracks/{trackId}/media/file", UploadTrackFileAsync).RequireReleaseAccess(Permissions.ReleasesWrite)
            .WithName("uploadTrackMediaFile").AcceptsFiles(repeated: false, "file").ProducesErrors(409, 413, 507)
            .WithSummary("Upload the track's audio or video file (field `file`, one per track)");
        group.MapPost("/tracks/{trackId}/media/link", AddTrackLinkAsync).RequireReleaseAccess(Permissions.ReleasesWrite)
            .WithName("addTrackMediaLink").Accepts<LinkItem>("application/json").ProducesErrors(409, 413)
            .WithSummary("Submit the track's audio or video link (one per track)");
        return routes;
    }

    private static async Task<Results<Ok<ReleaseEnvelope<List<ReleaseMediaView>>>, ReleaseErrorResult>> ListAsync(string id, HttpContext context, ReleaseService releases, ReleaseMediaService media, ReleaseViews views, CancellationToken ct)
    {
        var found = await releases.FindAsync(RequestTenant.Of(context).Id, id, ct);
        if (found.Failed)
        {
            return ReleaseErrors.From(found.Failure);
        }

        var items = await media.ListAsync(found.Value, ct);
        return TypedResults.Ok(ReleaseEnvelope.Ok(items.Select(x => views.Media(context.Request, x.Media, x.Usage.OwnerKind)).ToList()));
    }

    private static async Task<Results<Created<ReleaseEnvelope<List<ReleaseMediaView>>>, ReleaseErrorResult>> UploadFilesAsync(string id, HttpContext context, ReleaseMediaService media, ReleaseViews views, CancellationToken ct)
    {
        var tenant = RequestTenant.Of(context);
        var stored = await media.UploadFilesAsync(tenant.Id, tenant.Key, id, MultipartFiles.From(context.Request), ct);
        if (stored.Failed)
        {
            return ReleaseErrors.From(stored.Failure);
        }

        var data = stored.Value.Select(m => views.Media(context.Request, m, UsageOwners.Release)).ToList();
        // Several media at once: the Location is the release's media list, where each of them is listed.
        return TypedResults.Created($"{context.Request.PathBase}/releases/{id}/media", ReleaseEnvelope.Ok(data, $"{data.Count} files uploaded to release"));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<List<ReleaseMediaView>>>, ReleaseErrorResult>> AddLinksAsync(string id, HttpContext context, ReleaseMediaService media, ReleaseViews views, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<LinksRequest>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var created = await media.AddLinksAsync(RequestTenant.Of(context).Id, id, body.Value, ct);
        return created.Failed
            ? ReleaseErrors.From(created.Failure)
            : TypedResults.Ok(ReleaseEnvelope.Ok(created.Value.Select(m => views.Media(context.Request, m, UsageOwners.Release)).ToList(), "Media uploaded successfully"));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<object>>, ReleaseErrorResult>> DeleteAsync(string id, string mediaId, HttpContext context, ReleaseMediaService media, CancellationToken ct)
    {
        var deleted = await media.DeleteAsync(RequestTenant.Of(context).Id, id, mediaId, ct);
        return deleted.Failed ? ReleaseErrors.From(deleted.Failure) : TypedResults.Ok(ReleaseEnvelope.Message("Media deleted successfully"));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseMediaView>>, ReleaseErrorResult>> UploadTrackFileAsync(string id, string trackId, HttpContext context, ReleaseMediaService media, ReleaseViews views, CancellationToken ct)
    {
        var tenant = RequestTenant.Of(context);
        var stored = await media.UploadTrackFileAsync(tenant.Id, tenant.Key, id, trackId, MultipartFiles.From(context.Request), ct);
        return stored.Failed
            ? ReleaseErrors.From(stored.Failure)
            : TypedResults.Ok(ReleaseEnvelope.Ok(views.Media(context.Request, stored.Value, UsageOwners.Track), "Media uploaded successfully"));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseMediaView>>, ReleaseErrorResult>> AddTrackLinkAsync(string id, string trackId, HttpContext context, ReleaseMediaService media, ReleaseViews views, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<LinkItem>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var created = await media.AddTrackLinkAsync(RequestTenant.Of(context).Id, id, trackId, body.Value, ct);
        return created.Failed
            ? ReleaseErrors.From(created.Failure)
            : TypedResults.Ok(ReleaseEnvelope.Ok(views.Media(context.Request, created.Value, UsageOwners.Track), "Media uploaded successfully"));
    }
}
