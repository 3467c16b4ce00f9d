using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Api.Uploads;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Releases;

/// <summary>
/// Files and links attached to a release or one of its tracks. Uploads are all-or-nothing per request: every file is
/// streamed and sniffed first, then all rows are committed in one transaction; on any refusal, error or disconnect
/// the stored files are removed again.
/// </summary>
public sealed partial class ReleaseMediaService(
    MediaVaultDbContext db,
    ReleaseService releases,
    MediaIngestor ingestor,
    Microsoft.Extensions.Options.IOptions<MediaOptions> mediaOptions,
    IBlobStore store,
    MediaDeletion deletion,
    TimeProvider clock,
    ILogger<ReleaseMediaService> logger)
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

    public async Task<Outcome<List<MediaItem>>> UploadFilesAsync(Guid tenantId, string releaseId, HttpRequest request, CancellationToken cancellationToken)
    {
        var found = await EditableReleaseAsync(tenantId, releaseId, cancellationToken);
        if (found.Value is not { } release)
        {
            return found.Failure!;
        }

        return await IngestAllAsync(release, track: null, request, [FilesField, FilesField + "[]"], ReleaseKinds.Release, maxFiles: int.MaxValue, cancellationToken);
    }

    public async Task<Outcome<MediaItem>> UploadTrackFileAsync(Guid tenantId, string releaseId, string trackId, HttpRequest request, CancellationToken cancellationToken)
    {
        var found = await EditableTrackAsync(tenantId, releaseId, trackId, cancellationToken);
        if (found.Failure is { } notFound)
        {
            return notFound;
        }

        var pair = found.Value;

        var stored = await IngestAllAsync(pair.Release, pair.Track, request, [FileField], ReleaseKinds.Track, maxFiles: 1, cancellationToken);
        return stored.Value is { } items ? items[0] : stored.Failure!;
    }

    public async Task<Outcome<List<MediaItem>>> AddLinksAsync(Guid tenantId, string releaseId, LinksRequest body, CancellationToken cancellationToken)
    {
        if (body.Links is not { Count: > 0 } links)
        {
            return Failure.BadRequest("links must be a non-empty array");
        }

        var found = await EditableReleaseAsync(tenantId, releaseId, cancellationToken);
        if (found.Value is not { } release)
        {
            return found.Failure!;
        }

        var jobs = new List<Job>();
        var created = new List<MediaItem>();
        foreach (var link in links)
        {
            var media = releases.AddLink(tenantId, link, ReleaseKinds.Release, UsageOwners.Release, release.Id, null, jobs);
            if (media.Value is null)
            {
                return media.Failure!;
            }

            created.Add(media.Value);
        }

        return await CommitAsync(release, null, created, jobs, cancellationToken);
    }

    public async Task<Outcome<MediaItem>> AddTrackLinkAsync(Guid tenantId, string releaseId, string trackId, LinkItem link, CancellationToken cancellationToken)
    {
        var found = await EditableTrackAsync(tenantId, releaseId, trackId, cancellationToken);
        if (found.Failure is { } notFound)
        {
            return notFound;
        }

        var pair = found.Value;

        var jobs = new List<Job>();
        var media = releases.AddLink(tenantId, link, ReleaseKinds.Track, UsageOwners.Track, pair.Track.Id, pair.Release.Id, jobs);
        if (media.Value is not { } item)
        {
            return media;
        }

        var committed = await CommitAsync(pair.Release, pair.Track, [item], jobs, cancellationToken);
        return committed.Failure is { } failure ? failure : item;
    }

    /// <summary>
    /// Attaches a file already stored in the temporary area (a finished resumable upload) to the release, as an
    /// upload through <c>/media/files</c> would; if the release is no longer editable the stored file is removed.
    /// </summary>
    public async Task<Outcome<MediaItem>> AttachStoredAsync(Release release, MediaItem media, CancellationToken cancellationToken)
    {
        db.Media.Add(media);
        db.Usages.Add(NewUsage(media, UsageOwners.Release, release.Id, null));
        var jobs = new List<Job> { Job.Create(JobKinds.ProcessMedia, release.TenantId, new MediaJobPayload(media.Id), Now) };
        var committed = await CommitAsync(release, null, [media], jobs, cancellationToken);
        if (committed.Failure is { } failure)
        {
            await RemoveStoredAsync([media]);
            return failure;
        }

        return media;
    }

    /// <summary>Deletes a media of the release (or of one of its tracks): the row at once, the stored bytes right after.</summary>
    public async Task<Failure?> DeleteAsync(Guid tenantId, string releaseId, string mediaId, CancellationToken cancellationToken)
    {
        var found = await EditableReleaseAsync(tenantId, releaseId, cancellationToken);
        if (found.Value is not { } release)
        {
            return found.Failure;
        }

        if (!MediaId.IsWellFormed(mediaId))
        {
            return Failure.NotFound(ReleaseErrors.MediaNotFound);
        }

        var attached = await db.ReleaseMediaIds(release).AnyAsync(id => id == mediaId, cancellationToken);
        if (!attached)
        {
            return Failure.NotFound(ReleaseErrors.MediaNotFound);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await deletion.DeleteRowAsync(tenantId, mediaId, cancellationToken))
            {
                return Failure.NotFound(ReleaseErrors.MediaNotFound);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await deletion.RemoveBlobsAsync(tenantId, mediaId, cancellationToken);
        return null;
    }

    private async Task<Outcome<List<MediaItem>>> IngestAllAsync(
        Release release, Track? track, HttpRequest request, string[] fields, IReadOnlySet<MediaKind> kinds, int maxFiles, CancellationToken cancellationToken)
    {
        var stored = new List<MediaItem>();
        var committed = false;
        try
        {
            var failure = await MultipartFiles.ForEachAsync(request, async (part, ct) =>
            {
                if (!fields.Contains(part.FieldName, StringComparer.Ordinal))
                {
                    return null;
                }

                if (stored.Count >= maxFiles)
                {
                    return Failure.BadRequest($"Only {maxFiles} file may be uploaded here");
                }

                var tenantLimit = mediaOptions.Value.LimitForTenant(Hosting.RequestTenant.Of(request.HttpContext).Key);
                var result = await ingestor.IngestAsync(new IngestRequest(release.TenantId, part.Body, part.FileName, StorageArea.Temporary, kinds, tenantLimit), ct);
                if (result.Media is null)
                {
                    return result.ToFailure(Core.Media.FileNames.Sanitize(part.FileName));
                }

                stored.Add(result.Media);
                return null;
            }, cancellationToken);

            if (failure is not null)
            {
                return failure;
            }

            if (stored.Count == 0)
            {
                return Failure.BadRequest(fields[0] == FilesField ? "No files uploaded" : "No file uploaded");
            }

            var jobs = stored.Select(m => Job.Create(JobKinds.ProcessMedia, release.TenantId, new MediaJobPayload(m.Id), Now)).ToList();
            var ownerKind = track is null ? UsageOwners.Release : UsageOwners.Track;
            foreach (var media in stored)
            {
                db.Media.Add(media);
                db.Usages.Add(NewUsage(media, ownerKind, track?.Id ?? release.Id, track is null ? null : release.Id));
            }

            var outcome = await CommitAsync(release, track, stored, jobs, cancellationToken);
            committed = outcome.Succeeded;
            return outcome;
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested && ex is not EndOfStreamException)
        {
            return Failure.BadRequest("Upload was interrupted or malformed; nothing of it was kept");
        }
        finally
        {
            if (!committed)
            {
                await RemoveStoredAsync(stored);
            }
        }
    }

    /// <summary>Commits new media, usages and jobs if the release is still editable (and the track still free).</summary>
    private async Task<Outcome<List<MediaItem>>> CommitAsync(Release release, Track? track, List<MediaItem> items, List<Job> jobs, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var status = await db.Releases.Where(r => r.Id == release.Id).Select(r => r.Status).SingleAsync(cancellationToken);
        if (!ReleaseRules.IsEditable(status))
        {
            db.ChangeTracker.Clear();
            return Failure.BadRequest(ReleaseErrors.NotEditable);
        }

        if (track is not null && await TrackHasMediaAsync(track, cancellationToken))
        {
            db.ChangeTracker.Clear();
            return Failure.BadRequest("Track already has a media file; delete it first");
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
        if (found.Value is not { } release)
        {
            return found.Failure!;
        }

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

    private MediaUsage NewUsage(MediaItem media, string ownerKind, Guid ownerId, Guid? parentId) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = media.TenantId,
        MediaId = media.Id,
        OwnerKind = ownerKind,
        OwnerId = ownerId,
        ParentId = parentId,
        CreatedAt = Now,
    };

    private async Task RemoveStoredAsync(List<MediaItem> stored)
    {
        // The request may already be aborted; cleanup gets its own short deadline instead of the request's token.
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var media in stored)
        {
            await store.DeleteMediaAsync(media.Area, media.TenantId, media.Id, cleanup.Token);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Attached {Kind} media {MediaId} to release {ReleaseId} (tenant {TenantId})")]
    private partial void LogAttached(Guid tenantId, string mediaId, Guid releaseId, MediaKind kind);
}
