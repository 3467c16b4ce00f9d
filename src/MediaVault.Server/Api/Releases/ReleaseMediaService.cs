using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Application.Media;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Releases;

/// <summary>
/// Files and links attached to a release or one of its tracks: the release's rules (editable, one media per track)
/// around <see cref="MediaIntake"/>. Uploads are all-or-nothing per request: every file is streamed and sniffed
/// first, then all rows are committed in one transaction; on any refusal, error or disconnect the stored files are
/// removed again.
/// </summary>
public sealed partial class ReleaseMediaService(MediaVaultDbContext db, ReleaseService releases, MediaIntake intake, ILogger<ReleaseMediaService> logger)
{
    public const string FilesField = "files";
    public const string FileField = "file";

    /// <summary>The release's own media and its tracks' media, in upload order, each with the usage kind it came through.</summary>
    public async Task<List<(MediaItem Media, MediaUsage Usage)>> ListAsync(Release release, CancellationToken cancellationToken)
    {
        var rows = await db.Usages.AsNoTracking()
            .Where(u => u.TenantId == release.TenantId
                && ((u.OwnerKind == UsageOwners.Release && u.OwnerId == release.Id) || (u.OwnerKind == UsageOwners.Track && u.ParentId == release.Id)))
            .Join(db.Media.AsNoTracking(), u => u.MediaId, m => m.Id, (u, m) => new { Usage = u, Media = m })
            .OrderBy(x => x.Usage.CreatedAt).ThenBy(x => x.Usage.Id)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(x => x.Media.Id).ToList();
        var renditions = (await db.Renditions.AsNoTracking().Where(r => r.TenantId == release.TenantId && ids.Contains(r.MediaId))
                .OrderBy(r => r.Name).ToListAsync(cancellationToken))
            .ToLookup(r => r.MediaId);
        foreach (var row in rows)
        {
            row.Media.Renditions = renditions[row.Media.Id].ToList();
        }

        return rows.Select(x => (x.Media, x.Usage)).ToList();
    }

    public async Task<Outcome<IReadOnlyList<MediaItem>>> UploadFilesAsync(Guid tenantId, string tenantKey, string releaseId, IFileParts parts, CancellationToken cancellationToken)
    {
        var found = await EditableReleaseAsync(tenantId, releaseId, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        return await IngestAllAsync(found.Value, track: null, tenantKey, parts, [FilesField, FilesField + "[]"], ReleaseKinds.Release, maxFiles: int.MaxValue, cancellationToken);
    }

    public async Task<Outcome<MediaItem>> UploadTrackFileAsync(Guid tenantId, string tenantKey, string releaseId, string trackId, IFileParts parts, CancellationToken cancellationToken)
    {
        var found = await EditableTrackAsync(tenantId, releaseId, trackId, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        var (release, track) = found.Value;
        var stored = await IngestAllAsync(release, track, tenantKey, parts, [FileField], ReleaseKinds.Track, maxFiles: 1, cancellationToken);
        return stored.Failed ? stored.Failure : stored.Value[0];
    }

    public async Task<Outcome<List<MediaItem>>> AddLinksAsync(Guid tenantId, string releaseId, LinksRequest body, CancellationToken cancellationToken)
    {
        if (body.Links is not { Count: > 0 } links)
        {
            return Failure.BadRequest("links must be a non-empty array");
        }

        var found = await EditableReleaseAsync(tenantId, releaseId, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        var release = found.Value;
        var jobs = new List<Job>();
        var created = new List<MediaItem>();
        foreach (var link in links)
        {
            var media = releases.AddLink(tenantId, link, ReleaseKinds.Release, UsageOwners.Release, release.Id, null, jobs);
            if (media.Failed)
            {
                return media.Failure;
            }

            created.Add(media.Value);
        }

        return await CommitAsync(release, null, created, jobs, cancellationToken);
    }

    public async Task<Outcome<MediaItem>> AddTrackLinkAsync(Guid tenantId, string releaseId, string trackId, LinkItem link, CancellationToken cancellationToken)
    {
        var found = await EditableTrackAsync(tenantId, releaseId, trackId, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        var (release, track) = found.Value;
        var jobs = new List<Job>();
        var media = releases.AddLink(tenantId, link, ReleaseKinds.Track, UsageOwners.Track, track.Id, release.Id, jobs);
        if (media.Failed)
        {
            return media;
        }

        var committed = await CommitAsync(release, track, [media.Value], jobs, cancellationToken);
        return committed.Failed ? committed.Failure : media.Value;
    }

    /// <summary>
    /// A finished resumable upload (a complete local file) attached to the release, as an upload through
    /// <c>/media/files</c> would be; refused (and nothing kept) if the release is no longer editable.
    /// </summary>
    public async Task<Outcome<MediaItem>> IngestStagedAsync(Release release, string localPath, string? sha256, string? fileName, CancellationToken cancellationToken)
    {
        if (!ReleaseRules.IsEditable(release.Status))
        {
            return Failure.BadRequest(ReleaseErrors.NotEditable);
        }

        var policy = new IntakePolicy(release.TenantId, StorageArea.Temporary, ReleaseKinds.Release, TenantKey: null, NameInRefusals: false);
        var ingested = await intake.IngestFileAsync(policy, localPath, sha256, fileName, new MediaOwner(UsageOwners.Release, release.Id), StillEditable(release, null), cancellationToken);
        if (ingested.Succeeded)
        {
            LogAttached(release.TenantId, ingested.Value.Id, release.Id, ingested.Value.Kind);
        }

        return ingested;
    }

    /// <summary>Deletes a media of the release (or of one of its tracks): the row at once, the stored bytes right after.</summary>
    public async Task<Outcome<Done>> DeleteAsync(Guid tenantId, string releaseId, string mediaId, CancellationToken cancellationToken)
    {
        var found = await EditableReleaseAsync(tenantId, releaseId, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        if (!MediaId.IsWellFormed(mediaId)
            || !await db.ReleaseMediaIds(found.Value).AnyAsync(id => id == mediaId, cancellationToken))
        {
            return Failure.NotFound(ReleaseErrors.MediaNotFound);
        }

        return await intake.DeleteAsync(tenantId, mediaId, also: null, guard: null, cancellationToken);
    }

    private async Task<Outcome<IReadOnlyList<MediaItem>>> IngestAllAsync(
        Release release, Track? track, string tenantKey, IFileParts parts, string[] fields, IReadOnlySet<MediaKind> kinds, int maxFiles, CancellationToken cancellationToken)
    {
        await using var batch = intake.Begin(new IntakePolicy(release.TenantId, StorageArea.Temporary, kinds, tenantKey));
        var read = await parts.ForEachAsync(async (part, ct) =>
        {
            if (!fields.Contains(part.FieldName, StringComparer.Ordinal))
            {
                return Done.Value;
            }

            return batch.Count >= maxFiles ? Failure.BadRequest($"Only {maxFiles} file may be uploaded here") : await batch.AddAsync(part.Body, part.FileName, ct);
        }, cancellationToken);
        if (read.Failed)
        {
            return read.Failure;
        }

        if (batch.Count == 0)
        {
            return Failure.BadRequest(fields[0] == FilesField ? "No files uploaded" : "No file uploaded");
        }

        var owner = track is null ? new MediaOwner(UsageOwners.Release, release.Id) : new MediaOwner(UsageOwners.Track, track.Id, release.Id);
        var committed = await batch.CommitAsync(owner, StillEditable(release, track), cancellationToken);
        if (committed.Succeeded)
        {
            foreach (var media in committed.Value)
            {
                LogAttached(release.TenantId, media.Id, release.Id, media.Kind);
            }
        }

        return committed;
    }

    /// <summary>The release is still editable (and the track still free) when the rows are written.</summary>
    private CommitGuard StillEditable(Release release, Track? track) => async ct =>
    {
        var status = await db.Releases.Where(r => r.Id == release.Id).Select(r => r.Status).SingleAsync(ct);
        if (!ReleaseRules.IsEditable(status))
        {
            return Failure.BadRequest(ReleaseErrors.NotEditable);
        }

        return track is not null && await TrackHasMediaAsync(track, ct) ? Failure.BadRequest("Track already has a media file; delete it first") : Done.Value;
    };

    /// <summary>Commits new links (media, usages and validation jobs already added) if the release is still editable (and the track still free).</summary>
    private async Task<Outcome<List<MediaItem>>> CommitAsync(Release release, Track? track, List<MediaItem> items, List<Job> jobs, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var allowed = await StillEditable(release, track)(cancellationToken);
        if (allowed.Failed)
        {
            db.ChangeTracker.Clear();
            return allowed.Failure;
        }

        db.Jobs.AddRange(jobs);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        releases.NotifyIf(jobs);
        foreach (var media in items)
        {
            LogAttached(release.TenantId, media.Id, release.Id, media.Kind);
        }

        return items;
    }

    private Task<bool> TrackHasMediaAsync(Track track, CancellationToken cancellationToken) =>
        db.Usages.AnyAsync(u => u.TenantId == track.TenantId && u.OwnerKind == UsageOwners.Track && u.OwnerId == track.Id, cancellationToken);

    private async Task<Outcome<Release>> EditableReleaseAsync(Guid tenantId, string releaseId, CancellationToken cancellationToken)
    {
        var found = await releases.FindAsync(tenantId, releaseId, cancellationToken);
        if (found.Value is { } release && !ReleaseRules.IsEditable(release.Status))
        {
            return Failure.BadRequest(ReleaseErrors.NotEditable);
        }

        return found;
    }

    private async Task<Outcome<(Release Release, Track Track)>> EditableTrackAsync(Guid tenantId, string releaseId, string trackId, CancellationToken cancellationToken)
    {
        var found = await EditableReleaseAsync(tenantId, releaseId, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        var release = found.Value;
        if (!Guid.TryParse(trackId, out var id))
        {
            return Failure.BadRequest("Invalid track ID");
        }

        var track = await db.Tracks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.ReleaseId == release.Id && t.TenantId == tenantId, cancellationToken);
        if (track is null)
        {
            return Failure.NotFound(ReleaseErrors.TrackNotFound);
        }

        if (await TrackHasMediaAsync(track, cancellationToken))
        {
            return Failure.BadRequest("Track already has a media file; delete it first");
        }

        return (release, track);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Attached {Kind} media {MediaId} to release {ReleaseId} (tenant {TenantId})")]
    private partial void LogAttached(Guid tenantId, string mediaId, Guid releaseId, MediaKind kind);
}
