using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary><c>GET /releases/{id}/readiness?profile=</c>: what a store would refuse, per delivery profile.</summary>
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
        return routes;
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
