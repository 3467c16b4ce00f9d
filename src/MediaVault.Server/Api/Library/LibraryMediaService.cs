using System.Text.Json.Nodes;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// The library's create → upload → confirm workflow over the core media store. A created media is <c>pending</c>
/// (PROCESSING to clients) until confirmed; its bytes go straight to permanent storage, replaced atomically by each
/// complete upload; confirmation checks size, hash and sniffed type before processing starts.
/// </summary>
public sealed class LibraryMediaService(
    MediaVaultDbContext db, MediaIngestor ingestor, IBlobStore store, MediaDeletion deletion, IContentSniffer sniffer, IContentProbe probe, JobSignal signal,
    IOptions<MediaOptions> mediaOptions, TimeProvider clock, LocalCopies copies)
{
    public const string UploadUsedUp = "The file was already uploaded completely; this upload URL is used up";
    public const string UploadInProgress = "Another upload to this URL is in progress; only one is accepted";

    public async Task<Outcome<MediaItem>> CreateAsync(Guid tenantId, string tenantKey, CreateMediaRequest request, CancellationToken cancellationToken)
    {
        if (TextLimits.First(
                TextLimits.Check(request.Name, "name", LibraryFieldLimits.Name),
                TextLimits.Check(request.Type, "type", LibraryFieldLimits.Type),
                TextLimits.Check(request.Sha256, "sha256", LibraryFieldLimits.Sha256)) is { } tooLong)
        {
            return tooLong;
        }

        var allowed = mediaOptions.Value.AllowedMimeTypes;
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Failure.BadRequest("name is required (the file's name, e.g. product-photo.jpg)");
        }

        var type = request.Type is null ? null : MimeTypeAliases.Canonical(request.Type);
        if (string.IsNullOrEmpty(type))
        {
            return Failure.BadRequest("type is required (the file's MIME type)");
        }

        if (!allowed.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return Failure.BadRequest($"type {type} is not an allowed media type");
        }

        if (request.FileSize is not { } size || size <= 0)
        {
            return Failure.BadRequest("fileSize is required and must be a positive number of bytes");
        }

        var limit = Math.Min(mediaOptions.Value.LimitForTenant(tenantKey), mediaOptions.Value.LimitForKind(KindOf(type)));
        if (size > limit)
        {
            return Failure.BadRequest($"fileSize exceeds the maximum of {limit} bytes");
        }

        if (request.Width is <= 0 || request.Height is <= 0 || request.Duration is < 0)
        {
            return Failure.BadRequest("width and height must be positive and duration not negative");
        }

        var sha256 = request.Sha256?.Trim().ToLowerInvariant();
        if (sha256 is not null && (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigit)))
        {
            return Failure.BadRequest("sha256 must be 64 hexadecimal characters");
        }

        var declared = new JsonObject { ["type"] = type, ["fileSize"] = size, ["width"] = request.Width, ["height"] = request.Height, ["duration"] = request.Duration, ["sha256"] = sha256 };
        var now = Now;
        var media = new MediaItem
        {
            Id = MediaId.New(),
            TenantId = tenantId,
            Kind = KindOf(type),
            Name = FileNames.Sanitize(request.Name),
            State = MediaState.Pending,
            Area = StorageArea.Permanent,
            Size = size,
            MimeType = type,
            MetadataJson = MediaMetadata.Serialize(new JsonObject { ["declared"] = declared }),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Media.Add(media);
        await db.SaveChangesAsync(cancellationToken);
        return media;
    }

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

        var declared = MediaMetadata.Parse(media.MetadataJson)["declared"] as JsonObject;
        var header = await ReadHeaderAsync(key, cancellationToken);
        if (declared?["sha256"]?.GetValue<string>() is { } expected && expected != sha256)
        {
            await store.DeleteAsync(key, cancellationToken);
            await ReleaseUploadClaimAsync(media.Id);
            return Failure.BadRequest("The uploaded file does not match the declared sha256; it was discarded");
        }

        var sniffed = await RecognizeAsync(key, sniffer.Sniff(header), cancellationToken);
        if (sniffed is null || sniffed.Kind != media.Kind || !mediaOptions.Value.AllowedMimeTypes.Contains(sniffed.MimeType, StringComparer.OrdinalIgnoreCase))
        {
            await store.DeleteAsync(key, cancellationToken);
            await ReleaseUploadClaimAsync(media.Id);
            return Failure.BadRequest($"The uploaded content is not {media.MimeType}; it was discarded");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tracked = await db.Media.SingleAsync(m => m.Id == media.Id, cancellationToken);
        if (tracked.State != MediaState.Pending)
        {
            return tracked;
        }

        tracked.State = MediaState.Uploaded;
        tracked.Sha256 = sha256;
        tracked.MimeType = sniffed.MimeType;
        tracked.UploadedAt ??= Now;
        tracked.UpdatedAt = Now;
        db.Jobs.Add(Job.Create(JobKinds.ProcessMedia, media.TenantId, new MediaJobPayload(media.Id), Now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return tracked;
    }

    public async Task<MediaItem?> FindAsync(Guid? tenantId, string id, CancellationToken cancellationToken)
    {
        if (!MediaId.IsWellFormed(id))
        {
            return null;
        }

        var media = await db.Media.AsNoTracking().Include(m => m.Renditions)
            .SingleOrDefaultAsync(m => m.Id == id && (tenantId == null || m.TenantId == tenantId) && !m.IsLink, cancellationToken);
        return media;
    }

    /// <summary>
    /// Newest first. With <paramref name="after"/> (keyset paging) the page starts after that item and no total is
    /// counted; otherwise <paramref name="page"/> is used and the total is counted. <paramref name="nameContains"/>
    /// matches names case-insensitively.
    /// </summary>
    public async Task<(List<MediaItem> Items, int? Total)> ListAsync(
        Guid tenantId, string? type, string? nameContains, MediaState[]? states, int page, int limit, Api.KeysetCursor? after, CancellationToken cancellationToken)
    {
        var query = db.Media.AsNoTracking().Where(m => m.TenantId == tenantId && !m.IsLink);
        if (!string.IsNullOrEmpty(type))
        {
            var prefix = type + "/";
            query = type.Contains('/', StringComparison.Ordinal) ? query.Where(m => m.MimeType == type) : query.Where(m => m.MimeType!.StartsWith(prefix));
        }

        if (!string.IsNullOrEmpty(nameContains))
        {
            var needle = nameContains.ToLowerInvariant();
            query = query.Where(m => m.Name.ToLower().Contains(needle));
        }

        if (states is not null)
        {
            query = query.Where(m => states.Contains(m.State));
        }

        if (after is { } cursor)
        {
            if (!cursor.IsFirst)
            {
                // Plain locals: EF reads captured locals directly, but compiles a delegate per execution for members of a captured struct.
                var (createdAt, id) = (cursor.CreatedAt, cursor.Id);
                query = query.Where(m => m.CreatedAt < createdAt || (m.CreatedAt == createdAt && string.Compare(m.Id, id) < 0));
            }

            var keyset = await ListedColumns(query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(limit))
                .ToListAsync(cancellationToken);
            return (keyset, null);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await ListedColumns(query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((page - 1) * limit).Take(limit))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Only what a listed media shows (<see cref="LibraryViews.Media"/>): its own columns without the timestamps it
    /// does not show, and of its renditions just the names of the previews. A page of 20 reads a fraction of the
    /// values a full load would, which is most of a list request's cost.
    /// </summary>
    private static IQueryable<MediaItem> ListedColumns(IQueryable<MediaItem> page)
    {
        var previews = LibraryViews.PreviewNames;
        return page.Select(m => new MediaItem
        {
            Id = m.Id,
            TenantId = m.TenantId,
            Kind = m.Kind,
            Name = m.Name,
            State = m.State,
            FailureReason = m.FailureReason,
            FailureCode = m.FailureCode,
            Area = m.Area,
            Size = m.Size,
            MimeType = m.MimeType,
            MetadataJson = m.MetadataJson,
            CreatedAt = m.CreatedAt,
            Renditions = m.Renditions.Where(r => previews.Contains(r.Name))
                .Select(r => new MediaRendition { MediaId = r.MediaId, Name = r.Name, MimeType = r.MimeType }).ToList(),
        });
    }

    /// <summary>Deletes the media (references elsewhere are dropped with it), then its original and every rendition.</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        if (!MediaId.IsWellFormed(id))
        {
            return false;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!await deletion.DeleteRowAsync(tenantId, id, cancellationToken, m => !m.IsLink))
            {
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await deletion.RemoveBlobsAsync(tenantId, id, cancellationToken);
        return true;
    }

    private async Task<string> HashStoredAsync(BlobKey key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(key, null, cancellationToken);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>The stored object's type: its header's when decisive, else a probe of a local copy (the object itself on disk stores).</summary>
    private async Task<SniffResult?> RecognizeAsync(BlobKey key, SniffResult? fromHeader, CancellationToken cancellationToken)
    {
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

    private static MediaKind KindOf(string mimeType) => mimeType.Split('/')[0] switch
    {
        "image" => MediaKind.Image,
        "video" => MediaKind.Video,
        "audio" => MediaKind.Audio,
        _ => MediaKind.Document,
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
