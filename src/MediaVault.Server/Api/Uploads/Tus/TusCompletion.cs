using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Releases;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;
using MediaVault.Data;
using MediaVault.Server.Api.Releases;
using MediaVault.Server.Application.Media;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Turns a finished upload into a media through <see cref="MediaIntake"/>, exactly as its target's own surface would
/// (same sniffing, limits, processing and errors), and checks the target early, at creation, so a client does not
/// upload gigabytes into a refusal.
/// </summary>
public sealed class TusCompletion(
    MediaVaultDbContext db, MediaIntake intake, ITusChunkStore files, ReleaseService releases, ReleaseMediaService releaseMedia)
{
    public async Task<Outcome<Done>> CheckAsync(Guid tenantId, TusTarget target, long? length, CancellationToken cancellationToken)
    {
        switch (target.Kind)
        {
            case TusTarget.Release:
                var found = await releases.FindAsync(tenantId, target.Id!, cancellationToken);
                if (found.Failed)
                {
                    return found.Failure;
                }

                return ReleaseRules.IsEditable(found.Value.Status) ? Done.Value : Failure.BadRequest(ReleaseErrors.NotEditable);
            case TusTarget.PendingMedia:
                var media = await PendingAsync(tenantId, target.Id!, cancellationToken);
                if (media is null)
                {
                    return Failure.NotFound("Media not found");
                }

                return length is { } declared && declared != media.Size
                    ? Failure.BadRequest($"Upload-Length {declared} differs from the media's declared fileSize {media.Size}")
                    : Done.Value;
            default:
                return Done.Value;
        }
    }

    /// <param name="sha256">The bytes' hash when it was kept while they arrived (null: the assembled file is hashed).</param>
    /// <exception cref="StorageFullException">No room to assemble the bytes; the upload's chunks are kept.</exception>
    public async Task<Outcome<string>> CompleteAsync(TusUpload upload, TusTarget target, string? sha256, CancellationToken cancellationToken)
    {
        var keepChunks = false;
        try
        {
            var path = await files.MaterializeAsync(upload.TenantId, upload.Id, cancellationToken);
            var outcome = target.Kind switch
            {
                TusTarget.Release => await ToReleaseAsync(upload, path, sha256, target, cancellationToken),
                TusTarget.PendingMedia => await ToPendingMediaAsync(upload, path, sha256, target, cancellationToken),
                _ => await ToLibraryAsync(upload, path, sha256, target, cancellationToken),
            };
            return outcome.Failed ? outcome.Failure : outcome.Value.Id;
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

    private Task<Outcome<MediaItem>> ToLibraryAsync(TusUpload upload, string path, string? sha256, TusTarget target, CancellationToken cancellationToken)
    {
        var policy = new IntakePolicy(upload.TenantId, StorageArea.Permanent, IntakePolicy.AllKinds, TenantKey: null, NameInRefusals: false);
        return intake.IngestFileAsync(policy, path, sha256, target.FileName, owner: null, guard: null, cancellationToken);
    }

    private async Task<Outcome<MediaItem>> ToPendingMediaAsync(TusUpload upload, string path, string? sha256, TusTarget target, CancellationToken cancellationToken)
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

        return await intake.CompletePendingAsync(pending, path, sha256, target.FileName ?? pending.Name, cancellationToken);
    }

    private async Task<Outcome<MediaItem>> ToReleaseAsync(TusUpload upload, string path, string? sha256, TusTarget target, CancellationToken cancellationToken)
    {
        var found = await releases.FindAsync(upload.TenantId, target.Id!, cancellationToken);
        if (found.Failed)
        {
            return found.Failure;
        }

        return await releaseMedia.IngestStagedAsync(found.Value, path, sha256, target.FileName, cancellationToken);
    }

    private Task<MediaItem?> PendingAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.TenantId == tenantId && m.State == MediaState.Pending && !m.IsLink, cancellationToken);
}
