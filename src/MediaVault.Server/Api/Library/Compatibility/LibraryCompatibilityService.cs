using System.Text.Json.Nodes;
using MediaVault.Core;
using MediaVault.Core.Compatibility;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Profiles;
using MediaVault.Data;
using MediaVault.Server.Api.Delivery;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Library.Compatibility;

/// <summary>
/// A library media against the social profiles: the findings of each applicable profile, and conformed renditions
/// requested, reused and listed. Facts come from what processing stored; nothing is measured here.
/// </summary>
public sealed class LibraryCompatibilityService(MediaVaultDbContext db, ProfileSet profiles, MediaUrls urls, JobSignal signal, TimeProvider clock)
{
    public const string NotReadyMessage = "The media is not processed yet; its compatibility is known once its status is SUCCESS";

    /// <summary>The findings for every applicable profile (of <paramref name="network"/> only, when given).</summary>
    public CompatibilityData Check(MediaItem media, string? network)
    {
        var kind = MetadataFacts.KindOf(media);
        var facts = MetadataFacts.Of(media);
        var networks = SocialTargets.For(profiles, media, network).Select(profile =>
        {
            var problems = ProfileEvaluator.Evaluate(profile, kind, facts).Select(Problem).ToList();
            return new NetworkCompatibility(profile.Network!, profile.Placement!, profile.Name, profile.Title, problems.All(p => p.Severity != "error"), problems);
        }).ToList();
        return new CompatibilityData(media.Id, networks);
    }

    /// <summary>Whether <paramref name="network"/> is one some library profile names.</summary>
    public bool KnowsNetwork(string network) => SocialTargets.Exists(profiles, network, null);

    /// <summary>
    /// Starts (or reuses) the rendition of <paramref name="media"/> for a network and placement. The same target with
    /// the same options reuses the row (ready or still processing: no new job); other options, or a failed earlier
    /// attempt, start it again. The answer says whether a job was queued.
    /// </summary>
    public async Task<Outcome<(ConformedRendition Row, bool Queued)>> RequestAsync(MediaItem media, ConformRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Network) || string.IsNullOrWhiteSpace(request.Placement))
        {
            return Failure.BadRequest("network and placement are required");
        }

        var fit = request.Fit?.Trim().ToLowerInvariant() ?? ConformFits.Pad;
        if (fit is not (ConformFits.Pad or ConformFits.Crop))
        {
            return Failure.BadRequest("fit must be pad or crop");
        }

        var kind = MetadataFacts.KindOf(media);
        if (kind is not ("video" or "image"))
        {
            return Failure.BadRequest("Only images and videos can be conformed");
        }

        var profile = SocialTargets.Find(profiles, request.Network.Trim(), request.Placement.Trim(), kind);
        if (profile is null)
        {
            return Failure.BadRequest($"No profile for {request.Network.Trim()}:{request.Placement.Trim()} applies to {(kind == "video" ? "a video" : "an image")}");
        }

        if (media.State != MediaState.Ready)
        {
            return Failure.Conflict(NotReadyMessage);
        }

        var trim = request.Trim ?? false;
        var plan = ConformPlan.Make(profile, kind, MetadataFacts.Of(media), fit == ConformFits.Crop, trim);
        if (plan.Failed)
        {
            return plan.Failure;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ConformedRenditions.SingleOrDefaultAsync(c => c.MediaId == media.Id && c.Profile == profile.Name, cancellationToken);
        if (row is not null && row.Fit == fit && row.Trim == trim && row.Status != ConformStatus.Failed)
        {
            return (row, false);
        }

        if (row is null)
        {
            row = new ConformedRendition
            {
                Id = Guid.CreateVersion7(),
                TenantId = media.TenantId,
                MediaId = media.Id,
                Network = profile.Network!,
                Placement = profile.Placement!,
                Profile = profile.Name,
                Fit = fit,
                RenditionName = "conform-" + profile.Name + (kind == "video" ? ".mp4" : ".jpg"),
                CreatedAt = now,
            };
            db.ConformedRenditions.Add(row);
        }

        row.Fit = fit;
        row.Trim = trim;
        row.Status = ConformStatus.Processing;
        row.FailureReason = null;
        row.UpdatedAt = now;
        db.Jobs.Add(Job.Create(JobKinds.ConformMedia, media.TenantId, new ConformJobPayload(media.Id, row.Id), now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request for the same target won the insert: answer with its row.
            db.ChangeTracker.Clear();
            var winner = await db.ConformedRenditions.AsNoTracking().SingleAsync(c => c.MediaId == media.Id && c.Profile == profile.Name, cancellationToken);
            return (winner, false);
        }

        signal.Notify();
        return (row, true);
    }

    /// <summary>The media's conformed renditions, by network then placement.</summary>
    public Task<List<ConformedRendition>> ListAsync(MediaItem media, CancellationToken cancellationToken) =>
        db.ConformedRenditions.AsNoTracking().Where(c => c.MediaId == media.Id && c.TenantId == media.TenantId)
            .OrderBy(c => c.Network).ThenBy(c => c.Placement).ToListAsync(cancellationToken);

    /// <summary>A full Get a Media answer: <paramref name="view"/> with the media's conformed renditions.</summary>
    public async Task<LibraryMediaView> WithConformedAsync(HttpRequest request, MediaItem media, LibraryMediaView view, CancellationToken cancellationToken) =>
        view with { Conformed = [.. (await ListAsync(media, cancellationToken)).Select(c => View(request, media, c))] };

    public ConformedView View(HttpRequest request, MediaItem media, ConformedRendition row) => new(
        row.Network, row.Placement, row.Profile, row.Fit, row.Trim,
        row.Status switch { ConformStatus.Ready => "SUCCESS", ConformStatus.Failed => "ERROR", _ => "PROCESSING" },
        row.Status == ConformStatus.Ready ? urls.For(request, media, row.RenditionName) : null,
        row.FailureReason,
        row.Status == ConformStatus.Ready ? new ConformedSpecs(row.Width, row.Height, row.Duration, row.Size, row.MimeType) : null);

    private static CompatibilityProblem Problem(ProfileFinding finding) => new(
        finding.Rule,
        finding.Severity == RuleSeverity.Error ? "error" : "warning",
        finding.Message,
        finding.Remediation,
        finding.Measured is { } measured ? Json(measured) : null,
        finding.Expected);

    private static JsonNode Json(FactValue value) => value.Kind switch
    {
        FactKind.Number => JsonValue.Create(value.Number),
        FactKind.Flag => JsonValue.Create(value.Flag),
        _ => JsonValue.Create(value.Text ?? string.Empty),
    };
}
