using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;
using MediaVault.Data;
using MediaVault.Server.Api.Releases;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Turns a finished upload into a media exactly as its target's own surface would (same sniffing, limits, processing
/// and errors), and checks the target early, at creation, so a client does not upload gigabytes into a refusal.
/// </summary>
public sealed class TusCompletion(
    MediaVaultDbContext db, MediaIngestor ingestor, ITusChunkStore files, ReleaseService releases, ReleaseMediaService releaseMedia,
    JobSignal signal, TimeProvider clock)
{
    private static readonly IReadOnlySet<MediaKind> AllKinds = new HashSet<MediaKind>(Enum.GetValues<MediaKind>());

    public async Task<Failure?> CheckAsync(Guid tenantId, TusTarget target, long? length, CancellationToken cancellationToken)
    {
        switch (target.Kind)
        {
            case TusTarget.Release:
                var found = await releases.FindAsync(tenantId, target.Id!, cancellationToken);
                return found.Failure ?? (ReleaseRules.IsEditable(found.Value!.Status) ? null : Failure.BadRequest(ReleaseErrors.NotEditable));
            case TusTarget.PendingMedia:
                var media = await PendingAsync(tenantId, target.Id!, cancellationToken);
                if (media is null)
                {
                    return Failure.NotFound("Media not found");
                }

                return length is { } declared && declared != media.Size
                    ? Failure.BadRequest($"Upload-Length {declared} differs from the media's declared fileSize {media.Size}")
                    : null;
            default:
                return null;
        }
    }

    /// <exception cref="StorageFullException">No room to assemble the bytes; the upload's chunks are kept.</exception>
    public async Task<Outcome<string>> CompleteAsync(TusUpload upload, TusTarget target, CancellationToken cancellationToken)
    {
        var keepChunks = false;
        try
        {
            var path = await files.MaterializeAsync(upload.TenantId, upload.Id, cancellationToken);
            var outcome = target.Kind switch
            {
                TusTarget.Release => await ToReleaseAsync(upload, path, target, cancellationToken),
                TusTarget.PendingMedia => await ToPendingMediaAsync(upload, path, target, cancellationToken),
                _ => await ToLibraryAsync(upload, path, target, cancellationToken),
            };
            if (outcome.Succeeded)
            {
                signal.Notify();
            }

            return outcome;
        }
        catch (StorageFullException)
        {
            // The caller gives the client its last chunk back to send again once there is room.
            keepChunks = true;
            throw;
        }
        finally
        {
            // Moved into the store on success; on refusal the bytes are not kept.
            if (!keepChunks)
            {
                using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await files.DeleteAsync(upload.TenantId, upload.Id, cleanup.Token);
            }
        }
    }

    private async Task<Outcome<string>> ToLibraryAsync(TusUpload upload, string path, TusTarget target, CancellationToken cancellationToken)
    {
        var ingested = await IngestAsync(upload, path, target, StorageArea.Permanent, AllKinds, null, cancellationToken);
        if (ingested.Value is not { } media)
        {
            return ingested.Failure!;
        }

        db.Media.Add(media);
        db.Jobs.Add(Job.Create(JobKinds.ProcessMedia, media.TenantId, new MediaJobPayload(media.Id), Now));
        await db.SaveChangesAsync(cancellationToken);
        return media.Id;
    }

    private async Task<Outcome<string>> ToPendingMediaAsync(TusUpload upload, string path, TusTarget target, CancellationToken cancellationToken)
    {
        var pending = await PendingAsync(upload.TenantId, target.Id!, cancellationToken);
        if (pending is null)
        {
            return Failure.NotFound("Media not found");
        }

        if (pending.Size != upload.Length)
        {
            return Failure.BadRequest($"The upload is {upload.Length} bytes but the media declared {pending.Size}");
        }

        var ingested = await IngestAsync(upload, path, target with { FileName = target.FileName ?? pending.Name }, pending.Area, new HashSet<MediaKind> { pending.Kind }, pending.Id, cancellationToken);
        if (ingested.Value is not { } media)
        {
            return ingested.Failure!;
        }

        var tracked = await db.Media.SingleAsync(m => m.Id == pending.Id, cancellationToken);
        tracked.State = MediaState.Uploaded;
        tracked.MimeType = media.MimeType;
        tracked.Sha256 = media.Sha256;
        tracked.Size = media.Size;
        tracked.UploadedAt = tracked.UpdatedAt = Now;
        db.Jobs.Add(Job.Create(JobKinds.ProcessMedia, tracked.TenantId, new MediaJobPayload(tracked.Id), Now));
        await db.SaveChangesAsync(cancellationToken);
        return tracked.Id;
    }

    private async Task<Outcome<string>> ToReleaseAsync(TusUpload upload, string path, TusTarget target, CancellationToken cancellationToken)
    {
        var found = await releases.FindAsync(upload.TenantId, target.Id!, cancellationToken);
        if (found.Value is not { } release)
        {
            return found.Failure!;
        }

        if (!ReleaseRules.IsEditable(release.Status))
        {
            return Failure.BadRequest(ReleaseErrors.NotEditable);
        }

        var ingested = await IngestAsync(upload, path, target, StorageArea.Temporary, ReleaseKinds.Release, null, cancellationToken);
        if (ingested.Value is not { } media)
        {
            return ingested.Failure!;
        }

        var attached = await releaseMedia.AttachStoredAsync(release, media, cancellationToken);
        return attached.Value is { } item ? item.Id : attached.Failure!;
    }

    private async Task<Outcome<MediaItem>> IngestAsync(
        TusUpload upload, string path, TusTarget target, StorageArea area, IReadOnlySet<MediaKind> kinds, string? mediaId, CancellationToken cancellationToken)
    {
        var request = new IngestFileRequest(upload.TenantId, path, target.FileName, area, kinds, MediaId: mediaId);
        var result = await ingestor.IngestFileAsync(request, cancellationToken);
        if (result.Media is { } media)
        {
            return media;
        }

        return result.ToFailure();
    }

    private Task<MediaItem?> PendingAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.TenantId == tenantId && m.State == MediaState.Pending && !m.IsLink, cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
