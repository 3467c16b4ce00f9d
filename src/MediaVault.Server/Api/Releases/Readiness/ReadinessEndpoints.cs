using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary><c>GET /releases/{id}/readiness?profile=</c> (what a store would refuse) and <c>POST /releases/{id}/conform</c> (what a machine can fix).</summary>
public static class ReadinessEndpoints
{
    public static IEndpointRouteBuilder MapReadinessEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/releases").WithTags("Releases").WithSurface(ApiSurface.Releases);
        group.MapGet("/{id}/readiness", CheckAsync).RequireReleaseAccess(Permissions.ReleasesRead).WithName("getReleaseReadiness")
            .WithSummary("Check a release against a delivery profile")
            .WithDescription("""
                Judges every file of the release and its tracks against a delivery profile (`spotify`, `apple-music`,
                `distributor`, or a deployment's own; without `profile`, the tenant's required profile). `ready` is true
                when no `error` problem remains. A media still processing or not yet analysed is a `pending_analysis`
                error (the report never guesses); ask again once analysis has run. A recording the tenant already has on
                another release or track is a `duplicate_recording` warning whose `duplicateOf` names it.
                """);
        group.MapPost("/{id}/conform", ConformAsync).RequireReleaseAccess(Permissions.ReleasesWrite).WithName("conformRelease")
            .Accepts<ConformRequest>("application/json").ProducesErrors(413)
            .WithSummary("Make conformed renditions for a delivery profile")
            .WithDescription("""
                Queues durable jobs that make, for each analysed file of the release, what a machine can fix without
                judgement for the profile: audio above the profile's sample rate or bit depth lowered to the highest it
                takes, a lossless file in a refused container or with refused WAV chunks or format code rewritten as FLAC
                (WAV when the profile takes no FLAC); cover art that is not 8-bit sRGB, carries a colour profile or an
                orientation tag, is in a refused format or too large, or is within 1 % of square, as an sRGB JPEG
                (centre-cropped to a square). Clipping, loudness, silence, mono masters, lossy sources and small art are
                never conformed. Each result appears on its media as `metadata.conformed.<profile>` (a signed URL), is
                promoted with the release, and the readiness report then counts the rules it fixes as fixed. Answers
                202 with the media queued (none when nothing can be fixed); files not yet analysed are skipped. Only a
                release in `draft` or `rejected` can be conformed (400 otherwise), as only those are promoted later.
                """);
        return routes;
    }

    private static async Task<Results<Accepted<ReleaseEnvelope<ConformResult>>, ReleaseErrorResult>> ConformAsync(
        string id, HttpContext context, ReleaseService releases, ReadinessService readiness, ConformService conform, CancellationToken ct)
    {
        var body = await Api.JsonBody.ReadAsync<ConformRequest>(context.Request, ct);
        if (body.Failed)
        {
            return ReleaseErrors.From(body.Failure);
        }

        var found = await releases.FindAsync(RequestTenant.Of(context).Id, id, ct);
        if (found.Failed)
        {
            return ReleaseErrors.From(found.Failure);
        }

        // Conformed files are promoted with the release: once it has left draft or rejected, they would never be.
        if (!Core.Releases.ReleaseRules.IsEditable(found.Value.Status))
        {
            return ReleaseErrors.BadRequest(ReleaseErrors.NotEditable);
        }

        var profile = readiness.FindProfile(body.Value.Profile);
        if (profile.Failed)
        {
            return ReleaseErrors.From(profile.Failure);
        }

        var result = await conform.QueueAsync(found.Value, profile.Value, ct);
        return TypedResults.Accepted(
            $"{context.Request.PathBase}/releases/{found.Value.Id}/media",
            ReleaseEnvelope.Ok(result, $"{result.Queued.Count} media queued for conforming"));
    }

    private static async Task<Results<Ok<ReleaseEnvelope<ReadinessReport>>, ReleaseErrorResult>> CheckAsync(
        string id, string? profile, HttpContext context, ReleaseService releases, ReadinessService readiness, CancellationToken ct)
    {
        var tenant = RequestTenant.Of(context);
        var found = await releases.FindAsync(tenant.Id, id, ct);
        if (found.Failed)
        {
            return ReleaseErrors.From(found.Failure);
        }

        var name = string.IsNullOrWhiteSpace(profile) ? await releases.RequiredProfileAsync(tenant.Id, ct) : profile;
        var chosen = readiness.FindProfile(name);
        if (chosen.Failed)
        {
            return ReleaseErrors.From(chosen.Failure);
        }

        return TypedResults.Ok(ReleaseEnvelope.Ok(await readiness.CheckAsync(found.Value, chosen.Value, ct)));
    }
}
