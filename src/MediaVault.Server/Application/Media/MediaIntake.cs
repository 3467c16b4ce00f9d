using System.Linq.Expressions;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Application.Media;

/// <summary>
/// The one way media enter and leave the store, whichever surface asks: it resolves the limits, makes the sniff
/// decision (through <see cref="MediaIngestor"/>), writes the row, its usage and the processing job in one
/// transaction and then wakes the worker. Surfaces parse their wire, call this with streams and plain values, and
/// render the outcome. Pending media (created first, uploaded and confirmed later) are in the other part of this class.
/// </summary>
public sealed partial class MediaIntake(
    MediaVaultDbContext db,
    MediaIngestor ingestor,
    IBlobStore store,
    MediaDeletion deletion,
    IContentSniffer sniffer,
    IContentProbe probe,
    JobSignal signal,
    LocalCopies copies,
    IOptions<MediaOptions> mediaOptions,
    TimeProvider clock)
{
    public const string Interrupted = "Upload was interrupted or malformed; nothing of it was kept";

    /// <summary>Starts an all-or-nothing upload of one or more streams.</summary>
    public IntakeBatch Begin(IntakePolicy policy) => new(this, policy);

    /// <summary>The largest file of <paramref name="kind"/> the tenant may store, in bytes.</summary>
    public long LimitFor(string tenantKey, MediaKind kind) =>
        Math.Min(mediaOptions.Value.LimitForTenant(tenantKey), mediaOptions.Value.LimitForKind(kind));

    /// <summary>
    /// Turns a complete local file (a finished resumable upload) into a committed media: the same checks as a stream,
    /// then the file is moved into the store. A refused file is left where it is, for the caller to remove.
    /// <paramref name="sha256"/> is the file's hash when already known (it is not read again), else null.
    /// </summary>
    public async Task<Outcome<MediaItem>> IngestFileAsync(
        IntakePolicy policy, string localPath, string? sha256, string? fileName, MediaOwner? owner, CommitGuard? guard, CancellationToken cancellationToken)
    {
        var request = new IngestFileRequest(policy.TenantId, localPath, fileName, policy.Area, policy.Kinds, MaxBytes(policy), policy.MaxBytesForKind, Sha256: sha256);
        var result = await ingestor.IngestFileAsync(request, cancellationToken);
        if (result.Media is not { } media)
        {
            return Refusal(policy, result, fileName);
        }

        var committed = false;
        try
        {
            var outcome = await CommitAsync([media], owner, guard, cancellationToken);
            committed = outcome.Succeeded;
            return outcome.Failed ? outcome.Failure : media;
        }
        finally
        {
            if (!committed)
            {
                await DiscardAsync([media]);
            }
        }
    }

    /// <summary>
    /// Deletes a media: the row (usages and renditions cascade) with a durable clean-up job in one transaction, after
    /// <paramref name="guard"/> allows it; then the bytes at once. NotFound when there is no such media (matching <paramref name="also"/>).
    /// </summary>
    public async Task<Outcome<Done>> DeleteAsync(
        Guid tenantId, string mediaId, Expression<Func<MediaItem, bool>>? also, CommitGuard? guard, CancellationToken cancellationToken)
    {
        if (!MediaId.IsWellFormed(mediaId))
        {
            return Failure.NotFound("Media not found");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (guard is not null)
            {
                var allowed = await guard(cancellationToken);
                if (allowed.Failed)
                {
                    return allowed.Failure;
                }
            }

            if (!await deletion.DeleteRowAsync(tenantId, mediaId, cancellationToken, also))
            {
                return Failure.NotFound("Media not found");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await deletion.RemoveBlobsAsync(tenantId, mediaId, cancellationToken);
        return Done.Value;
    }

    internal async Task<Outcome<MediaItem>> StoreStreamAsync(IntakePolicy policy, Stream content, string? fileName, CancellationToken cancellationToken)
    {
        try
        {
            var request = new IngestRequest(policy.TenantId, content, fileName, policy.Area, policy.Kinds, MaxBytes(policy), policy.MaxBytesForKind);
            var result = await ingestor.IngestAsync(request, cancellationToken);
            return result.Media is { } media ? media : Refusal(policy, result, fileName);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested && ex is not EndOfStreamException)
        {
            return Failure.BadRequest(Interrupted);
        }
    }

    /// <summary>Writes stored media, their usages and processing jobs in one transaction (if <paramref name="guard"/> allows), then wakes the worker.</summary>
    internal async Task<Outcome<IReadOnlyList<MediaItem>>> CommitAsync(
        IReadOnlyList<MediaItem> stored, MediaOwner? owner, CommitGuard? guard, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (guard is not null)
        {
            var allowed = await guard(cancellationToken);
            if (allowed.Failed)
            {
                return allowed.Failure;
            }
        }

        foreach (var media in stored)
        {
            db.Media.Add(media);
            if (owner is not null)
            {
                db.Usages.Add(NewUsage(media, owner));
            }

            EnqueueProcessing(media);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return Outcome<IReadOnlyList<MediaItem>>.Ok(stored);
    }

    /// <summary>Removes stored originals that were never committed.</summary>
    internal async Task DiscardAsync(IReadOnlyList<MediaItem> stored)
    {
        // The request may already be aborted; cleanup gets its own short deadline instead of the request's token.
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var media in stored)
        {
            await store.DeleteMediaAsync(media.Area, media.TenantId, media.Id, cleanup.Token);
        }
    }

    /// <summary>The one place processing is enqueued: inside the caller's unit of work, so the job exists exactly when the row does.</summary>
    private void EnqueueProcessing(MediaItem media) =>
        db.Jobs.Add(Job.Create(JobKinds.ProcessMedia, media.TenantId, new MediaJobPayload(media.Id), Now));

    private long? MaxBytes(IntakePolicy policy) => policy.TenantKey is { } key
        ? Math.Min(policy.MaxBytes ?? long.MaxValue, mediaOptions.Value.LimitForTenant(key))
        : policy.MaxBytes;

    private static Failure Refusal(IntakePolicy policy, IngestResult result, string? fileName) =>
        result.ToFailure(policy.NameInRefusals ? FileNames.Sanitize(fileName) : null);

    private MediaUsage NewUsage(MediaItem media, MediaOwner owner) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = media.TenantId,
        MediaId = media.Id,
        OwnerKind = owner.Kind,
        OwnerId = owner.Id,
        ParentId = owner.ParentId,
        CreatedAt = Now,
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
