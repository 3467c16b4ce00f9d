using System.Text.Json.Nodes;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Application.Media;

/// <summary>
/// Pending media: a row created from what the client declares, bytes that arrive later (an upload URL's PUT, a bucket
/// upload, or a finished resumable upload) and a confirmation that checks them and hands the media to processing.
/// </summary>
public sealed partial class MediaIntake
{
    public const string UploadUsedUp = "The file was already uploaded completely; this upload URL is used up";
    public const string UploadInProgress = "Another upload to this URL is in progress; only one is accepted";

    /// <summary>Creates a pending media of a declared (already validated) type and size; its bytes go straight to permanent storage later.</summary>
    public async Task<MediaItem> CreatePendingAsync(
        Guid tenantId, string fileName, string mimeType, long size, JsonObject declared, CancellationToken cancellationToken)
    {
        var now = Now;
        var media = new MediaItem
        {
            Id = MediaId.New(),
            TenantId = tenantId,
            Kind = KindOf(mimeType),
            Name = FileNames.Sanitize(fileName),
            State = MediaState.Pending,
            Area = StorageArea.Permanent,
            Size = size,
            MimeType = mimeType,
            MetadataJson = MediaMetadata.Serialize(new JsonObject { [MetadataKeys.Declared] = declared }),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Media.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        return media;
    }

    /// <summary>What a declared MIME type makes a media (its first part); the content is checked against it on confirmation.</summary>
    public static MediaKind KindOf(string mimeType) => mimeType.Split('/')[0] switch
    {
        "image" => MediaKind.Image,
        "video" => MediaKind.Video,
        "audio" => MediaKind.Audio,
        _ => MediaKind.Document,
    };

    /// <summary>
    /// Receives the bytes of an upload URL. The signature was checked by the caller; the size limit is the declared size.
    /// The URL is single use: the PUT first claims it with a conditional update (one PUT at a time, across instances),
    /// and a PUT that fails, is refused or stops short of the declared size gives the claim back so the client can
    /// retry with the same URL while it is valid. On a pending media, <see cref="MediaItem.UploadedAt"/> is that claim:
    /// set when a PUT starts, cleared when it does not complete, kept when it does.
    /// </summary>
    public async Task<Outcome<StoredBytes>> ReceiveAsync(MediaItem media, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        var declared = media.Size ?? 0;
        if (contentLength > declared)
        {
            return new Failure(FailureKind.TooLarge, $"The upload is {contentLength} bytes; {declared} were declared");
        }

        var key = BlobKey.Original(media.Area, media.TenantId, media.Id);
        if (!await TryClaimUploadAsync(media.Id, cancellationToken))
        {
            var completed = await store.GetInfoAsync(key, cancellationToken) is { } existing && existing.Size == declared;
            return Failure.Conflict(completed ? UploadUsedUp : UploadInProgress);
        }

        var keepClaim = false;
        try
        {
            StoredBytes? stored;
            try
            {
                stored = await ingestor.StoreAsync(key, body, declared, cancellationToken);
            }
            catch (StorageFullException)
            {
                return Failure.InsufficientStorage();
            }

            if (stored is null)
            {
                return new Failure(FailureKind.TooLarge, $"The upload is larger than the {declared} bytes declared; nothing was kept");
            }

            // A short upload is kept (confirm explains the size mismatch) but does not use the URL up.
            keepClaim = stored.Size == declared;
            DateTime? uploadedAt = keepClaim ? Now : null;
            await db.Media.Where(m => m.Id == media.Id && m.State == MediaState.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.UploadedAt, uploadedAt).SetProperty(m => m.UpdatedAt, Now).SetProperty(m => m.Sha256, stored.Sha256), cancellationToken);
            return stored;
        }
        finally
        {
            if (!keepClaim)
            {
                await ReleaseUploadClaimAsync(media.Id);
            }
        }
    }

    /// <summary>Checks the bytes arrived whole and are what was declared, then hands the media to processing. Idempotent.</summary>
    public async Task<Outcome<MediaItem>> ConfirmAsync(MediaItem media, CancellationToken cancellationToken)
    {
        if (media.State != MediaState.Pending)
        {
            return media;
        }

        var key = BlobKey.Original(media.Area, media.TenantId, media.Id);
        var info = await store.GetInfoAsync(key, cancellationToken);
        var sha256 = media.Sha256;
        if (info is not null && sha256 is null)
        {
            // Uploaded straight to the bucket (a presigned URL): hash it now, once.
            sha256 = await HashStoredAsync(key, cancellationToken);
            media.Sha256 = sha256;
        }

        if (info is null || sha256 is null)
        {
            return Failure.Conflict("No file has been uploaded to this media yet; PUT it to the uploadUrl first");
        }

        if (info.Size != media.Size)
        {
            return Failure.BadRequest($"The uploaded file is {info.Size} bytes but {media.Size} were declared; upload it again");
        }

        var declared = MediaMetadata.Parse(media.MetadataJson)[MetadataKeys.Declared] as JsonObject;
        if (declared?[MetadataKeys.DeclaredSha256]?.GetValue<string>() is { } expected && expected != sha256)
        {
            await DiscardUploadAsync(media, key, cancellationToken);
            return Failure.BadRequest("The uploaded file does not match the declared sha256; it was discarded");
        }

        // The bytes may have come straight from a client into the bucket, so the server sniffs them here, once, and
        // decides with the same allow-list as every other upload.
        var sniffed = await RecognizeStoredAsync(key, cancellationToken);
        if (sniffed is null || ingestor.Refusal(sniffed, new HashSet<MediaKind> { media.Kind }) is not null)
        {
            await DiscardUploadAsync(media, key, cancellationToken);
            return Failure.BadRequest($"The uploaded content is not {media.MimeType}; it was discarded");
        }

        return await MarkUploadedAsync(media.Id, sniffed.MimeType, sha256, size: null, cancellationToken);
    }

    /// <summary>
    /// A finished resumable upload for a pending media: checked like any upload (sniffed, of the declared kind), moved
    /// into the media's place, then the media goes to processing.
    /// </summary>
    public async Task<Outcome<MediaItem>> CompletePendingAsync(MediaItem pending, string localPath, string? sha256, string? fileName, CancellationToken cancellationToken)
    {
        var request = new IngestFileRequest(pending.TenantId, localPath, fileName, pending.Area, new HashSet<MediaKind> { pending.Kind }, MediaId: pending.Id, Sha256: sha256);
        var result = await ingestor.IngestFileAsync(request, cancellationToken);
        if (result.Media is not { } media)
        {
            return result.ToFailure();
        }

        return await MarkUploadedAsync(pending.Id, media.MimeType!, media.Sha256!, media.Size, cancellationToken);
    }

    /// <summary>The one Pending → Uploaded transition, with its processing job, in one transaction; a media already past pending is left as it is.</summary>
    private async Task<Outcome<MediaItem>> MarkUploadedAsync(string mediaId, string mimeType, string sha256, long? size, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.Media.SingleAsync(m => m.Id == mediaId, cancellationToken);
        if (tracked.State != MediaState.Pending)
        {
            return tracked;
        }

        tracked.State = MediaState.Uploaded;
        tracked.Sha256 = sha256;
        tracked.MimeType = mimeType;
        tracked.Size = size ?? tracked.Size;
        tracked.UploadedAt ??= Now;
        tracked.UpdatedAt = Now;
        EnqueueProcessing(tracked);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return tracked;
    }

    private async Task<bool> TryClaimUploadAsync(string mediaId, CancellationToken cancellationToken) =>
        await db.Media.Where(m => m.Id == mediaId && m.State == MediaState.Pending && m.UploadedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.UploadedAt, Now).SetProperty(m => m.UpdatedAt, Now), cancellationToken) == 1;

    private async Task ReleaseUploadClaimAsync(string mediaId)
    {
        // The request may already be aborted; giving the claim back gets its own short deadline.
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await db.Media.Where(m => m.Id == mediaId && m.State == MediaState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.UploadedAt, (DateTime?)null), cleanup.Token);
    }

    private async Task DiscardUploadAsync(MediaItem media, BlobKey key, CancellationToken cancellationToken)
    {
        await store.DeleteAsync(key, cancellationToken);
        await ReleaseUploadClaimAsync(media.Id);
    }

    private async Task<string> HashStoredAsync(BlobKey key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, null, cancellationToken);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>The stored object's type: its header's when decisive, else a probe of a local copy (the object itself on disk stores).</summary>
    private async Task<SniffResult?> RecognizeStoredAsync(BlobKey key, CancellationToken cancellationToken)
    {
        var fromHeader = sniffer.Sniff(await ReadHeaderAsync(key, cancellationToken));
        if (fromHeader is { NeedsStreams: false })
        {
            return fromHeader;
        }

        await using var local = await copies.OpenAsync(key, cancellationToken);
        return await probe.RecognizeAsync(local.Path, fromHeader, cancellationToken);
    }

    private async Task<byte[]> ReadHeaderAsync(BlobKey key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, new BlobRange(0, sniffer.HeaderLength - 1), cancellationToken);
        var header = new byte[sniffer.HeaderLength];
        var length = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return header[..length];
    }
}
