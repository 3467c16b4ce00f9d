using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Profiles;
using MediaVault.Core.Releases;
using MediaVault.Data;

namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>Queues a conformed rendition for every analysed media of a release that has something a machine may fix (<see cref="ReleaseConformPlanner"/>).</summary>
public sealed class ConformService(MediaVaultDbContext db, ReleaseMediaService releaseMedia, JobSignal signal, TimeProvider clock)
{
    public async Task<ConformResult> QueueAsync(Release release, MediaProfile profile, CancellationToken cancellationToken)
    {
        var queued = new List<ConformQueued>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (media, usage) in await releaseMedia.ListAsync(release, cancellationToken))
        {
            if (media is not { IsLink: false, State: MediaState.Ready, Kind: MediaKind.Audio or MediaKind.Image }
                || !MediaMetadata.Parse(media.MetadataJson).ContainsKey(AnalysisKeys.AnalyzedAt))
            {
                continue;
            }

            var kind = media.Kind.ToString().ToLowerInvariant();
            var facts = MetadataFacts.Of(media);
            if (ReleaseConformPlanner.Plan(profile, kind, facts, ProfileEvaluator.Evaluate(profile, kind, facts)) is not { } target)
            {
                continue;
            }

            db.Jobs.Add(Job.Create(JobKinds.ConformReleaseMedia, media.TenantId, new ReleaseConformJobPayload(media.Id, target), now));
            queued.Add(new ConformQueued(media.Id, usage.OwnerKind == UsageOwners.Track ? usage.OwnerId : null, target.RenditionName, target.Fixes));
        }

        if (queued.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
        }

        return new ConformResult(profile.Name, queued);
    }
}
