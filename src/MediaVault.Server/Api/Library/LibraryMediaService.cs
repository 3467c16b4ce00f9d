using System.Text.Json.Nodes;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Data;
using MediaVault.Server.Api.Library.Compatibility;
using MediaVault.Server.Application.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// The library's reading of media and its create → upload → confirm workflow: checks the library's fields, then hands
/// the work to <see cref="MediaIntake"/>. A created media is <c>pending</c> (PROCESSING to clients) until confirmed.
/// </summary>
public sealed class LibraryMediaService(MediaVaultDbContext db, MediaIntake intake, LibraryViews views, IOptions<MediaOptions> mediaOptions, LibraryCompatibleList compatibleList, SqliteListStatements listStatements)
{
    public const string UploadInProgress = MediaIntake.UploadInProgress;

    public async Task<Outcome<MediaItem>> CreateAsync(Guid tenantId, string tenantKey, CreateMediaRequest request, CancellationToken cancellationToken)
    {
        var lengths = TextLimits.First(
            TextLimits.Check(request.Name, "name", LibraryFieldLimits.Name),
            TextLimits.Check(request.Type, "type", LibraryFieldLimits.Type),
            TextLimits.Check(request.Sha256, "sha256", LibraryFieldLimits.Sha256));
        if (lengths.Failed)
        {
            return lengths.Failure;
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

        var limit = intake.LimitFor(tenantKey, MediaIntake.KindOf(type));
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
        return await intake.CreatePendingAsync(tenantId, request.Name, type, size, declared, cancellationToken);
    }

    /// <summary>The bytes of an upload URL (signature already checked): see <see cref="MediaIntake.ReceiveAsync"/>.</summary>
    public Task<Outcome<StoredBytes>> ReceiveAsync(MediaItem media, Stream body, long? contentLength, CancellationToken cancellationToken) =>
        intake.ReceiveAsync(media, body, contentLength, cancellationToken);

    /// <summary>Checks the uploaded bytes and hands the media to processing: see <see cref="MediaIntake.ConfirmAsync"/>.</summary>
    public Task<Outcome<MediaItem>> ConfirmAsync(MediaItem media, CancellationToken cancellationToken) => intake.ConfirmAsync(media, cancellationToken);

    public async Task<MediaItem?> FindAsync(Guid? tenantId, string id, CancellationToken cancellationToken)
    {
        if (!MediaId.IsWellFormed(id))
        {
            return null;
        }

        var media = await db.Media.AsNoTracking().Include(m => m.Renditions).Include(m => m.Tags)
            .SingleOrDefaultAsync(m => m.Id == id && (tenantId == null || m.TenantId == tenantId) && !m.IsLink, cancellationToken);
        return media;
    }

    /// <summary>
    /// One query per page (<see cref="LibraryListReader"/>'s hand-written SQL; with <c>compatibleWith</c>, LINQ in
    /// batches checked in memory): filters, the sort, and either a keyset page after <see cref="LibraryListQuery.After"/> (no
    /// total) or a numbered page with the total counted. Null when the cursor's key does not fit the sort.
    /// </summary>
    public async Task<(List<MediaItem> Items, int? Total)?> ListAsync(Guid tenantId, LibraryListQuery list, CancellationToken cancellationToken)
    {
        if (list.CompatibleWith is null)
        {
            return await new LibraryListReader(db, views, listStatements).ReadAsync(tenantId, list, cancellationToken);
        }

        var query = db.Media.AsNoTracking().Where(m => m.TenantId == tenantId && !m.IsLink);
        if (list.Type is { Length: > 0 } type)
        {
            var prefix = type + "/";
            query = type.Contains('/', StringComparison.Ordinal) ? query.Where(m => m.MimeType == type) : query.Where(m => m.MimeType!.StartsWith(prefix));
        }

        if (list.Search is { Length: > 0 } needle)
        {
            // string.Contains is a substring test on both providers (instr / strpos): no LIKE, so % and _ in q are plain characters.
            query = query.Where(m => m.SearchText.Contains(needle) || m.Tags.Any(t => t.SearchKey.Contains(needle)));
        }

        foreach (var key in list.TagKeys)
        {
            // IN (the tag's media, read once through the (tenant, key) index) rather than a probe per listed media.
            var tagged = db.MediaTags.Where(t => t.TenantId == tenantId && t.Key == key).Select(t => t.MediaId);
            query = query.Where(m => tagged.Contains(m.Id));
        }

        query = list.Archived ? query.Where(m => m.ArchivedAt != null) : query.Where(m => m.ArchivedAt == null);
        if (list.States is { } states)
        {
            query = query.Where(m => states.Contains(m.State));
        }

        return await compatibleList.ListAsync(query, list, ListedColumns, cancellationToken);
    }

    /// <summary>
    /// Only what a listed media shows (<see cref="LibraryViews.Media"/>): its own columns without the timestamps it
    /// does not show, and of its renditions just the names of the previews. A page of 20 reads a fraction of the
    /// values a full load would, which is most of a list request's cost.
    /// </summary>
    private IQueryable<MediaItem> ListedColumns(IQueryable<MediaItem> page)
    {
        string[] previews = [.. views.PreviewNames];
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
            Width = m.Width,
            Height = m.Height,
            Duration = m.Duration,
            CreatedAt = m.CreatedAt,
            AltText = m.AltText,
            Description = m.Description,
            ArchivedAt = m.ArchivedAt,
            NameKey = m.NameKey,
            DurationKey = m.DurationKey,
            SizeKey = m.SizeKey,
            Tags = m.Tags.Select(t => new MediaTag { MediaId = t.MediaId, Tag = t.Tag, Key = t.Key, SearchKey = "", Position = t.Position }).ToList(),
            Renditions = m.Renditions.Where(r => previews.Contains(r.Name))
                .Select(r => new MediaRendition { MediaId = r.MediaId, Name = r.Name, MimeType = r.MimeType }).ToList(),
        });
    }

    /// <summary>Deletes the media (references elsewhere are dropped with it), then its original and every rendition.</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        (await intake.DeleteAsync(tenantId, id, m => !m.IsLink, guard: null, cancellationToken)).Succeeded;
}
