using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Profiles;
using MediaVault.Core.Releases;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>
/// Checks a release's media against a delivery profile. Only what was measured is judged: a media still processing or
/// not yet analysed is a <c>pending_analysis</c> problem (and its analysis is queued if nothing is), never a guess.
/// </summary>
public sealed class ReadinessService(
    MediaVaultDbContext db, ReleaseMediaService releaseMedia, DuplicateRecordings duplicates, ProfileSet profiles, JobSignal signal, TimeProvider clock)
{
    public const string PendingAnalysis = "pending_analysis";

    /// <summary>A release profile by name; an unknown name (or a library profile) is a 400 naming the known ones.</summary>
    public Outcome<MediaProfile> FindProfile(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Failure.BadRequest($"profile is required (one of {Known()})");
        }

        return profiles.TryGet(name, out var profile) && profile.Scope == "release"
            ? profile
            : Failure.BadRequest($"Unknown profile '{name}' (one of {Known()})");
    }

    public async Task<ReadinessReport> CheckAsync(Release release, MediaProfile profile, CancellationToken cancellationToken)
    {
        var attached = await releaseMedia.ListAsync(release, cancellationToken);
        var problems = new List<ReadinessProblem>();
        var measured = new List<(MediaItem Media, Guid? TrackId)>();
        var unanalysed = new List<MediaItem>();
        foreach (var (media, usage) in attached)
        {
            var trackId = usage.OwnerKind == UsageOwners.Track ? usage.OwnerId : (Guid?)null;
            if (Check(media, trackId, problems, unanalysed))
            {
                var kind = MetadataFacts.KindOf(media);
                var fixedByConform = FixedByConform(media, profile.Name);
                problems.AddRange(ProfileEvaluator.Evaluate(profile, kind, MetadataFacts.Of(media))
                    .Where(f => !fixedByConform.Contains(f.Rule)).Select(f => Problem(f, media.Id, trackId)));
                measured.Add((media, trackId));
            }
        }

        problems.AddRange(await duplicates.FindAsync(release, measured.Where(m => m.Media.Kind == MediaKind.Audio).ToList(), cancellationToken));
        await QueueAnalysisAsync(unanalysed, cancellationToken);
        return new ReadinessReport(profile.Name, !problems.Any(p => p.IsError), clock.GetUtcNow().UtcDateTime, problems);
    }

    /// <summary>True when the media is measured and its profile rules can be judged; otherwise adds why not.</summary>
    private static bool Check(MediaItem media, Guid? trackId, List<ReadinessProblem> problems, List<MediaItem> unanalysed)
    {
        if (media.IsLink)
        {
            problems.Add(new ReadinessProblem(
                "link_not_checked", ReadinessProblem.Warning, media.Id, trackId, $"'{media.Name}' is a link: its file cannot be checked here.",
                "Upload the file itself to have it checked and delivered.", null, null));
            return false;
        }

        if (media.Kind is not (MediaKind.Audio or MediaKind.Image or MediaKind.Video))
        {
            return false;
        }

        if (media.State == MediaState.Failed)
        {
            problems.Add(new ReadinessProblem(
                "media_failed", ReadinessProblem.Error, media.Id, trackId, $"'{media.Name}' could not be processed: {media.FailureReason}",
                "Upload the file again, or a file that plays.", JsonValue.Create(media.FailureCode), null));
            return false;
        }

        var metadata = MediaMetadata.Parse(media.MetadataJson);
        if (media.State == MediaState.Ready && metadata[AnalysisKeys.AnalysisFailure]?.GetValue<string>() is { } failure)
        {
            problems.Add(new ReadinessProblem(
                "analysis_failed", ReadinessProblem.Error, media.Id, trackId, $"'{media.Name}' could not be analysed: {failure}",
                "Upload the file again, or a file that plays from start to end.", null, null));
            return false;
        }

        var analysed = media.Kind == MediaKind.Video || metadata.ContainsKey(AnalysisKeys.AnalyzedAt);
        if (media.State == MediaState.Ready && analysed)
        {
            return true;
        }

        if (media.State == MediaState.Ready)
        {
            unanalysed.Add(media);
        }

        problems.Add(new ReadinessProblem(
            PendingAnalysis, ReadinessProblem.Error, media.Id, trackId, $"'{media.Name}' is still being processed and analysed; this report cannot judge it yet.",
            "Ask again in a moment: analysis runs right after the upload is processed.", JsonValue.Create(media.State.ToString().ToLowerInvariant()), "analysed"));
        return false;
    }

    /// <summary>A ready media that never got its analysis (attached before this feature, or its job lost) gets one now.</summary>
    private async Task QueueAnalysisAsync(List<MediaItem> unanalysed, CancellationToken cancellationToken)
    {
        var queued = false;
        foreach (var media in unanalysed)
        {
            var payload = JsonSerializer.Serialize(new MediaJobPayload(media.Id), JsonSerializerOptions.Web);
            var pending = await db.Jobs.AnyAsync(
                j => j.Kind == JobKinds.AnalyzeMedia && j.TenantId == media.TenantId && j.Payload == payload && (j.State == JobState.Queued || j.State == JobState.Running),
                cancellationToken);
            if (!pending)
            {
                db.Jobs.Add(Job.Create(JobKinds.AnalyzeMedia, media.TenantId, new MediaJobPayload(media.Id), clock.GetUtcNow().UtcDateTime));
                queued = true;
            }
        }

        if (queued)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
        }
    }

    /// <summary>The rules the media's conformed rendition for this profile fixes (none while it has none).</summary>
    private static HashSet<string> FixedByConform(MediaItem media, string profile)
    {
        if (!media.Renditions.Any(r => ReleaseConformedRenditions.ProfileOf(r.Name) == profile)
            || MediaMetadata.Parse(media.MetadataJson)[AnalysisKeys.ConformedFixes]?[profile] is not JsonArray rules)
        {
            return [];
        }

        return rules.Select(r => r?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static ReadinessProblem Problem(ProfileFinding finding, string mediaId, Guid? trackId) => new(
        finding.Rule,
        finding.Severity == RuleSeverity.Error ? ReadinessProblem.Error : ReadinessProblem.Warning,
        mediaId,
        trackId,
        finding.Message,
        finding.Remediation,
        finding.Measured is { } value ? Json(value) : null,
        finding.Expected);

    private static JsonNode Json(FactValue value) => value.Kind switch
    {
        FactKind.Number => JsonValue.Create(value.Number),
        FactKind.Text => JsonValue.Create(value.Text ?? string.Empty),
        _ => JsonValue.Create(value.Flag),
    };

    private string Known() => string.Join(", ", profiles.ForScope("release").Select(p => p.Name));
}
