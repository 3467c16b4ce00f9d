using MediaVault.Core;
using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Library.Compatibility;

/// <summary>Social compatibility of a library media, and its conformed renditions (our addition).</summary>
public static class LibraryCompatibilityEndpoints
{
    public static IEndpointRouteBuilder MapLibraryCompatibilityEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/media").WithTags("Library Media").WithSurface(ApiSurface.Library);
        group.MapGet("/{mediaId}/compatibility", CheckAsync).RequireLibraryAccess(Permissions.MediaRead).WithName("getLibraryMediaCompatibility")
            .ProducesErrors(409)
            .WithSummary("Check a Media against each social network (our addition)")
            .WithDescription("One entry per social profile that applies to the media's kind (Instagram feed, Reels and Stories; TikTok; LinkedIn; Facebook feed; Threads; X; YouTube Shorts; plus a deployment's own from `Profiles:Directory`), each with `ok` (no `error` problem) and its `problems`: `rule` (a stable id), `severity` (`error`: the network refuses it; `warning`: accepted, but not as recommended), `message`, `remediation`, `measured` (the media's value: number, text or boolean; null when not measured) and `expected` (in words, e.g. `between 23 and 60`, `one of mp4, mov`). `network` (e.g. `instagram`) narrows the list; an unknown network is 400. Facts come from the analysis made once in processing (codec, profile, chroma, bit depth, scan type, frame rate, GOP closure, moov position, audio, bit rates, rotation, displayed aspect ratio, size); a media not yet processed (status other than SUCCESS) is 409 `not_ready`. Documents and audio have no social profile: `networks` is empty.");
        group.MapPost("/{mediaId}/conform", ConformAsync).RequireLibraryAccess(Permissions.MediaWrite).WithName("conformLibraryMedia")
            .Accepts<ConformRequest>("application/json").ProducesErrors(409, 413, 422)
            .WithSummary("Make a Media fit a social network (our addition)")
            .WithDescription("Body `{network, placement, fit?: \"pad\" | \"crop\" (default pad), trim?: boolean (default false)}`, e.g. `{\"network\": \"instagram\", \"placement\": \"reels\", \"fit\": \"crop\"}`. Answers 202 with the conformed rendition (status PROCESSING) and makes it in a durable job: video as H.264 High 4:2:0 8-bit with closed GOPs and AAC-LC 48 kHz in an MP4 with the index first (faststart), scaled into the profile's size limits, frame rate clamped to its range, letterboxed (`pad`, black bars) or centre-cropped (`crop`) to its aspect ratio range (its recommended shape when it has one, e.g. 9:16 for Reels), bit rate within its limits and file size; images as a baseline sRGB JPEG resized and padded (white) or cropped the same way, its quality lowered until it fits the size limit. Cut to the profile's longest duration only with `trim: true`: a video that is too long without it, or too short for the profile, is 422 `not_conformable` (a sentence says why), since that needs a person's edit. The file is analysed again and checked against the profile before it is kept; one that still breaks an `error` rule is not stored and the rendition's status becomes ERROR with a reason. A second request for the same network and placement with the same options reuses the rendition (200 when it is ready, 202 while it is being made); other options make it again. A network and placement with no profile for the media's kind is 400; a media not yet processed is 409 `not_ready`. Get a Media lists the renditions in `conformed`, each with a signed `path` once ready.");
        return routes;
    }

    private static async Task<Results<Ok<CompatibilityAnswer>, LibraryErrorResult>> CheckAsync(
        string mediaId, string? network, HttpContext context, LibraryMediaService library, LibraryCompatibilityService compatibility, CancellationToken ct)
    {
        var media = await library.FindAsync(RequestTenant.Of(context).Id, mediaId, ct);
        if (media is null)
        {
            return LibraryErrors.NotFound();
        }

        var wanted = string.IsNullOrWhiteSpace(network) ? null : network.Trim();
        if (wanted is not null && !compatibility.KnowsNetwork(wanted))
        {
            return LibraryErrors.Validation($"network '{wanted}' has no profile");
        }

        if (media.State != Core.Media.MediaState.Ready)
        {
            return LibraryErrors.Conflict(LibraryCompatibilityService.NotReadyMessage, "not_ready");
        }

        return TypedResults.Ok(new CompatibilityAnswer(true, compatibility.Check(media, wanted)));
    }

    private static async Task<Results<Ok<ConformAnswer>, Accepted<ConformAnswer>, LibraryErrorResult>> ConformAsync(
        string mediaId, HttpContext context, LibraryMediaService library, LibraryCompatibilityService compatibility, CancellationToken ct)
    {
        var media = await library.FindAsync(RequestTenant.Of(context).Id, mediaId, ct);
        if (media is null)
        {
            return LibraryErrors.NotFound();
        }

        var body = await JsonBody.ReadAsync<ConformRequest>(context.Request, ct);
        if (body.Failed)
        {
            return LibraryErrors.From(body.Failure);
        }

        var requested = await compatibility.RequestAsync(media, body.Value, ct);
        if (requested.Failed)
        {
            return requested.Failure.Kind switch
            {
                FailureKind.Unprocessable => LibraryErrors.Write(StatusCodes.Status422UnprocessableEntity, requested.Failure.Message, "not_conformable"),
                FailureKind.Conflict => LibraryErrors.Conflict(requested.Failure.Message, "not_ready"),
                _ => LibraryErrors.From(requested.Failure),
            };
        }

        var (row, queued) = requested.Value;
        var view = compatibility.View(context.Request, media, row);
        var location = $"{context.Request.PathBase}/v2/media/{media.Id}";
        return view.Status == "SUCCESS" && !queued
            ? TypedResults.Ok(new ConformAnswer(true, "Conformed rendition is ready", view))
            : TypedResults.Accepted(location, new ConformAnswer(true, queued ? "Conform started" : "Conform in progress", view));
    }
}
