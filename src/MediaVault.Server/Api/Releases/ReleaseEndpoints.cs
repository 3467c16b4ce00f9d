using MediaVault.Core.Releases;
using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Releases;

/// <summary>Releases and tracks: <c>/releases</c>, as the releases API reference documents them.</summary>
public static class ReleaseEndpoints
{
    public static IEndpointRouteBuilder MapReleaseEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/releases").WithTags("Releases").WithSurface(ApiSurface.Releases);
        group.MapPost("/", CreateAsync).RequireReleaseAccess(Permissions.ReleasesWrite)
            .WithName("createRelease").Accepts<ReleaseFields>("application/json").ProducesErrors(413).WithSummary("Create a release (draft)");
        group.MapGet("/", ListAsync).RequireReleaseAccess(Permissions.ReleasesRead).WithName("listReleases").WithSummary("List releases");
        group.MapGet("/{id}", GetAsync).RequireReleaseAccess(Permissions.ReleasesRead).WithName("getRelease")
            .WithSummary("Get a release with its tracks and media");
        group.MapPut("/{id}", UpdateAsync).RequireReleaseAccess(Permissions.ReleasesWrite)
            .WithName("updateRelease").Accepts<ReleaseFields>("application/json").ProducesErrors(409, 413)
            .WithSummary("Update a release (draft or rejected only)");
        group.MapPost("/{id}/submit", SubmitAsync).RequireReleaseAccess(Permissions.ReleasesWrite).WithName("submitRelease").ProducesErrors(409)
            .WithSummary("Submit a draft or rejected release for review")
            .WithDescription("""
                When the tenant requires a delivery profile (`Releases:RequiredProfile`, set with `tenants required-profile`),
                a release with an `error` problem left is refused with 400 `{status: "error", message: "Release is not ready for
                delivery", problems: [...]}` (the problems of `GET /releases/{id}/readiness`) and stays as it was.
                """);
        group.MapPost("/{id}/review", ReviewAsync).RequireReleaseAccess(Permissions.ReleasesReview)
            .WithName("reviewRelease").Accepts<ReviewRequest>("application/json").ProducesErrors(409, 413)
            .WithSummary("Approve or reject a submitted release");
        group.MapPost("/{id}/approve", (string id, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct) =>
                ReviewAliasAsync(id, "approve", context, releases, loader, ct))
            .RequireReleaseAccess(Permissions.ReleasesReview).WithSummary("Alias of review with action approve")
            .WithName("approveRelease").Accepts<ReviewRequest>(isOptional: true, "application/json").ProducesErrors(409, 413);
        group.MapPost("/{id}/reject", (string id, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct) =>
                ReviewAliasAsync(id, "reject", context, releases, loader, ct))
            .RequireReleaseAccess(Permissions.ReleasesReview).WithSummary("Alias of review with action reject")
            .WithName("rejectRelease").Accepts<ReviewRequest>(isOptional: true, "application/json").ProducesErrors(409, 413);
        group.MapPost("/{id}/revert-status", RevertAsync).RequireReleaseAccess(Permissions.ReleasesReview)
            .WithName("revertReleaseStatus").Accepts<RevertStatusRequest>("application/json").ProducesErrors(409, 413)
            .WithSummary("Revert approved → submitted or completed → draft");
        group.MapPost("/{id}/tracks", AddTrackAsync).RequireReleaseAccess(Permissions.ReleasesWrite)
            .WithName("addTrack").Accepts<TrackFields>("application/json").ProducesErrors(409, 413).WithSummary("Add a track");
        group.MapGet("/{id}/tracks", ListTracksAsync).RequireReleaseAccess(Permissions.ReleasesRead).WithName("listTracks")
            .WithSummary("List a release's tracks");
        return routes;
    }

    private static async Task<Results<Created<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> CreateAsync(HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct)
    {
        var body = await Api.JsonBody.ReadAsync<ReleaseFields>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var fields = body.Value;

        var created = await releases.CreateAsync(RequestTenant.Of(context).Id, fields, ct);
        if (created.Failed)
        {
            return ReleaseErrors.From(created.Failure);
        }

        var release = created.Value;

        var view = await loader.LoadAsync(context.Request, release, ct);
        return TypedResults.Created($"{context.Request.PathBase}/releases/{release.Id}", ReleaseEnvelope.Ok(view, "Release created successfully"));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleasePage>>, ReleaseErrorResult>> ListAsync(
        HttpContext context, ReleaseService releases, string? status, string? format, string? type, string? search, string? owner, string? page, string? limit, CancellationToken ct)
    {
        ReleaseStatus? statusFilter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!ReleaseStatusNames.TryParse(status, out var parsed))
            {
                return ReleaseErrors.BadRequest("Invalid status filter");
            }

            statusFilter = parsed;
        }

        if (!TryPositive(page, 1, int.MaxValue, out var pageNumber) || !TryPositive(limit, 20, 100, out var pageSize))
        {
            return ReleaseErrors.BadRequest("page must be a positive integer and limit between 1 and 100");
        }

        var query = new ReleaseListQuery(statusFilter, format, type, search, owner, pageNumber, pageSize);
        var (items, total) = await releases.ListAsync(RequestTenant.Of(context).Id, query, ct);
        var views = items.Select(r => ReleaseViews.Release(r, null, null)).ToList();
        var pagination = new Pagination(pageNumber, pageSize, total, (total + pageSize - 1) / pageSize);
        return TypedResults.Ok(ReleaseEnvelope.Ok(new ReleasePage(views, pagination)));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> GetAsync(string id, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct)
    {
        var found = await releases.FindAsync(RequestTenant.Of(context).Id, id, ct);
        return found.Succeeded
            ? TypedResults.Ok(ReleaseEnvelope.Ok(await loader.LoadAsync(context.Request, found.Value, ct)))
            : ReleaseErrors.From(found.Failure);
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> UpdateAsync(string id, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct)
    {
        var body = await Api.JsonBody.ReadAsync<ReleaseFields>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var fields = body.Value;

        var updated = await releases.UpdateAsync(RequestTenant.Of(context).Id, id, fields, ct);
        return await RespondAsync(updated, "Release updated successfully", context, loader, ct);
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> SubmitAsync(
        string id, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, Readiness.ReadinessService readiness, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        var found = await releases.FindAsync(tenantId, id, ct);
        if (found.Value is { } release && ReleaseRules.CanSubmit(release.Status) && await releases.RequiredProfileAsync(tenantId, ct) is { } required)
        {
            var profile = readiness.FindProfile(required);
            if (profile.Failed)
            {
                // A profile removed from the deployment after the tenant chose it: refuse rather than let anything through.
                return ReleaseErrors.Write(StatusCodes.Status400BadRequest, $"The required delivery profile '{required}' is not known to this deployment");
            }

            var report = await readiness.CheckAsync(release, profile.Value, ct);
            if (!report.Ready)
            {
                return ReleaseErrors.NotReadyForDelivery(report.Problems);
            }
        }

        var submitted = await releases.SubmitAsync(tenantId, id, ct);
        return await RespondAsync(submitted, "Release submitted for review successfully", context, loader, ct);
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> ReviewAsync(string id, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct)
    {
        var body = await Api.JsonBody.ReadAsync<ReviewRequest>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var review = body.Value;

        return await ReviewCoreAsync(id, review.Action, review.Feedback, context, releases, loader, ct);
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> ReviewAliasAsync(string id, string action, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct)
    {
        string? feedback = null;
        if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = await Api.JsonBody.ReadAsync<ReviewRequest>(context.Request, ct);
            if (body.Failed)
            {
                return ReleaseErrors.From(body.Failure);
            }

            var review = body.Value;

            feedback = review.Feedback;
        }

        return await ReviewCoreAsync(id, action, feedback, context, releases, loader, ct);
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> ReviewCoreAsync(string id, string? action, string? feedback, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct)
    {
        var tenant = RequestTenant.Of(context);
        var reviewed = await releases.ReviewAsync(tenant.Id, id, tenant.Caller.Subject, action, feedback, ct);
        var message = reviewed.Value?.Status == ReleaseStatus.Approved ? "Release approved successfully" : "Release rejected successfully";
        return await RespondAsync(reviewed, message, context, loader, ct);
    }

    private static async Task<Results<Ok<ReleaseEnvelope<RevertResult>>, ReleaseErrorResult>> RevertAsync(string id, HttpContext context, ReleaseService releases, CancellationToken ct)
    {
        var body = await Api.JsonBody.ReadAsync<RevertStatusRequest>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var request = body.Value;

        var reverted = await releases.RevertAsync(RequestTenant.Of(context).Id, id, request, ct);
        if (reverted.Failure is { } failure)
        {
            return ReleaseErrors.From(failure);
        }

        var (release, previous) = reverted.Value;
        var data = new RevertResult(release.Id, release.Status.ToWire(), previous.ToWire(), request.Reason!);
        return TypedResults.Ok(ReleaseEnvelope.Ok(data, $"Release status reverted to \"{release.Status.ToWire()}\" successfully"));
    }

    private static async Task<Results<Created<ReleaseEnvelope<TrackView>>, ReleaseErrorResult>> AddTrackAsync(string id, HttpContext context, ReleaseService releases, ReleaseMediaService media, ReleaseViews views, CancellationToken ct)
    {
        var body = await Api.JsonBody.ReadAsync<TrackFields>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var fields = body.Value;

        var tenantId = RequestTenant.Of(context).Id;
        var added = await releases.AddTrackAsync(tenantId, id, fields, ct);
        if (added.Failed)
        {
            return ReleaseErrors.From(added.Failure);
        }

        var track = added.Value;

        var release = (await releases.FindAsync(tenantId, id, ct)).Value!;
        var trackMedia = (await media.ListAsync(release, ct)).Where(x => x.Usage.OwnerId == track.Id)
            .Select(x => views.Media(context.Request, x.Media, Core.Media.UsageOwners.Track)).ToList();
        // No route serves one track: the Location is the release's track list, where the new track is listed.
        return TypedResults.Created($"{context.Request.PathBase}/releases/{release.Id}/tracks", ReleaseEnvelope.Ok(ReleaseViews.Track(track, trackMedia), "Track added successfully"));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<List<TrackView>>>, ReleaseErrorResult>> ListTracksAsync(string id, HttpContext context, ReleaseService releases, ReleaseViewLoader loader, CancellationToken ct)
    {
        var found = await releases.FindAsync(RequestTenant.Of(context).Id, id, ct);
        return found.Succeeded
            ? TypedResults.Ok(ReleaseEnvelope.Ok(await loader.LoadTracksAsync(context.Request, found.Value, ct)))
            : ReleaseErrors.From(found.Failure);
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReleaseView>>, ReleaseErrorResult>> RespondAsync(Core.Outcome<Release> outcome, string message, HttpContext context, ReleaseViewLoader loader, CancellationToken ct) =>
        outcome.Succeeded
            ? TypedResults.Ok(ReleaseEnvelope.Ok(await loader.LoadAsync(context.Request, outcome.Value, ct), message))
            : ReleaseErrors.From(outcome.Failure);

    private static bool TryPositive(string? raw, int fallback, int max, out int value)
    {
        if (string.IsNullOrEmpty(raw))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
    }
}
