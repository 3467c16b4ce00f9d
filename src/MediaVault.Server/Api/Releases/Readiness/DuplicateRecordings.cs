using System.Globalization;
using MediaVault.Core.Media;
using MediaVault.Core.Releases;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>
/// Finds a release's recordings that the tenant already has on a release or track (this release's other tracks
/// included): fingerprints compared with an offset search (<see cref="FingerprintMatcher"/>), so a re-encoded copy or
/// one trimmed by a few seconds is still found.
/// </summary>
public sealed class DuplicateRecordings(MediaVaultDbContext db)
{
    public const string Rule = "duplicate_recording";

    /// <summary>Recordings whose lengths differ by more than this are not compared (a trim is a few seconds).</summary>
    private const double MaxLengthDifferenceSeconds = 60;

    public async Task<List<ReadinessProblem>> FindAsync(Release release, IReadOnlyList<(MediaItem Media, Guid? TrackId)> audio, CancellationToken cancellationToken)
    {
        var problems = new List<ReadinessProblem>();
        if (audio.Count == 0)
        {
            return problems;
        }

        var tenantId = release.TenantId;
        var candidates = await db.Fingerprints.AsNoTracking().Where(f => f.TenantId == tenantId)
            .Join(db.Usages.AsNoTracking().Where(u => u.TenantId == tenantId && (u.OwnerKind == UsageOwners.Release || u.OwnerKind == UsageOwners.Track)),
                f => f.MediaId, u => u.MediaId, (f, u) => new { Fingerprint = f, Usage = u })
            .ToListAsync(cancellationToken);
        var points = candidates.Select(c => c.Fingerprint).DistinctBy(f => f.MediaId).ToDictionary(f => f.MediaId, f => (Points: FingerprintPoints.FromBytes(f.Points), f.DurationSeconds));
        foreach (var (media, trackId) in audio)
        {
            if (!points.TryGetValue(media.Id, out var own))
            {
                continue;
            }

            foreach (var other in candidates.Where(c => c.Fingerprint.MediaId != media.Id))
            {
                var theirs = points[other.Fingerprint.MediaId];
                if (Math.Abs(theirs.DurationSeconds - own.DurationSeconds) > MaxLengthDifferenceSeconds
                    || !FingerprintMatcher.SameRecording(own.Points, theirs.Points, out var match))
                {
                    continue;
                }

                problems.Add(await ProblemAsync(media, trackId, other.Usage, match!, cancellationToken));
            }
        }

        return problems;
    }

    private async Task<ReadinessProblem> ProblemAsync(MediaItem media, Guid? trackId, MediaUsage other, FingerprintMatch match, CancellationToken cancellationToken)
    {
        var releaseId = other.OwnerKind == UsageOwners.Track ? other.ParentId ?? Guid.Empty : other.OwnerId;
        var releaseTitle = await db.Releases.AsNoTracking().Where(r => r.Id == releaseId && r.TenantId == media.TenantId).Select(r => r.Title).SingleOrDefaultAsync(cancellationToken) ?? "";
        Guid? otherTrackId = other.OwnerKind == UsageOwners.Track ? other.OwnerId : null;
        var track = otherTrackId is { } id
            ? await db.Tracks.AsNoTracking().Where(t => t.Id == id && t.TenantId == media.TenantId).Select(t => new { t.Title, t.TrackNumber }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var where = track is null ? $"release '{releaseTitle}'" : $"track {track.TrackNumber} '{track.Title}' of release '{releaseTitle}'";
        var duplicate = new DuplicateRecording(other.MediaId, releaseId, releaseTitle, otherTrackId, track?.Title, Math.Round(match.BitErrorRate, 3), Math.Round(match.OffsetSeconds, 2));
        return new ReadinessProblem(
            Rule, ReadinessProblem.Warning, media.Id, trackId,
            $"'{media.Name}' is the same recording as {where}.",
            "Stores refuse the same recording under two titles: use the existing track (same ISRC) or remove one copy.",
            Math.Round(match.BitErrorRate, 3), string.Create(CultureInfo.InvariantCulture, $"bit error rate ≥ {FingerprintMatcher.MatchThreshold} against every other recording"), duplicate);
    }
}
