using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Api.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Catalog;

/// <summary>The tenant's media seen through the catalogue: list, read, upload (field <c>file</c>) and guarded delete.</summary>
public sealed class CatalogMediaService(
    MediaVaultDbContext db, MediaIngestor ingestor, IBlobStore store, MediaDeletion deletion, JobSignal signal,
    IOptions<CatalogOptions> options, IOptions<MediaOptions> mediaOptions, TimeProvider clock)
{
    public const string FileField = "file";

    private static readonly IReadOnlySet<MediaKind> AllKinds = new HashSet<MediaKind>(Enum.GetValues<MediaKind>());

    /// <summary>Oldest first; with <paramref name="after"/> (keyset) the page starts after that item instead of at <paramref name="page"/>.</summary>
    public async Task<(List<MediaItem> Items, int Total)> ListAsync(
        Guid tenantId, IReadOnlyList<string> ids, IReadOnlyList<MediaKind> kinds, int page, int itemsPerPage, KeysetCursor? after, CancellationToken cancellationToken)
    {
        var query = db.Media.AsNoTracking().Where(m => m.TenantId == tenantId && m.State != MediaState.Pending);
        if (ids.Count > 0)
        {
            query = query.Where(m => ids.Contains(m.Id));
        }

        if (kinds.Count > 0)
        {
            query = query.Where(m => kinds.Contains(m.Kind));
        }

        var total = await query.CountAsync(cancellationToken);
        if (after is { } cursor)
        {
            query = query.Where(m => m.CreatedAt > cursor.CreatedAt || (m.CreatedAt == cursor.CreatedAt && string.Compare(m.Id, cursor.Id) > 0));
        }
        else
        {
            query = query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Skip((page - 1) * itemsPerPage);
        }

        var items = await query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).Take(itemsPerPage).ToListAsync(cancellationToken);
        return (items, total);
    }

    public Task<MediaItem?> FindAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        MediaId.IsWellFormed(id)
            ? db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.TenantId == tenantId && m.State != MediaState.Pending, cancellationToken)
            : Task.FromResult<MediaItem?>(null);

    /// <summary>Streams the one <c>file</c> part into permanent storage (catalogue media are not staged).</summary>
    public async Task<Outcome<MediaItem>> UploadAsync(Guid tenantId, HttpRequest request, CancellationToken cancellationToken)
    {
        MediaItem? stored = null;
        var committed = false;
        try
        {
            var failure = await MultipartFiles.ForEachAsync(request, async (part, ct) =>
            {
                if (part.FieldName != FileField)
                {
                    return null;
                }

                if (stored is not null)
                {
                    return Failure.BadRequest("Only one file may be uploaded per request");
                }

                var limits = options.Value;
                var result = await ingestor.IngestAsync(
                    new IngestRequest(tenantId, part.Body, part.FileName, StorageArea.Permanent, AllKinds,
                        Math.Min(limits.MaxVideoBytes, mediaOptions.Value.LimitForTenant(Hosting.RequestTenant.Of(request.HttpContext).Key)),
                        kind => kind == MediaKind.Video ? limits.MaxVideoBytes : limits.MaxFileBytes),
                    ct);
                stored = result.Media;
                return result.Media is not null
                    ? null
                    : result.ToFailure(FileNames.Sanitize(part.FileName));
            }, cancellationToken);

            if (failure is not null)
            {
                return failure;
            }

            if (stored is null)
            {
                return Failure.BadRequest($"The \"{FileField}\" field with a file is required");
            }

            db.Media.Add(stored);
            db.Jobs.Add(Job.Create(JobKinds.ProcessMedia, tenantId, new MediaJobPayload(stored.Id), Now));
            await db.SaveChangesAsync(cancellationToken);
            committed = true;
            signal.Notify();
            return stored;
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested && ex is not EndOfStreamException)
        {
            return Failure.BadRequest("Upload was interrupted or malformed; nothing of it was kept");
        }
        finally
        {
            if (!committed && stored is not null)
            {
                using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await store.DeleteMediaAsync(stored.Area, tenantId, stored.Id, cleanup.Token);
            }
        }
    }

    /// <summary>Deletes a media nothing references; a referenced one is refused with the referencing IRIs.</summary>
    public async Task<(bool Deleted, IReadOnlyList<string> ReferencedBy)> DeleteAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        if (!MediaId.IsWellFormed(id))
        {
            return (false, []);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var usages = await db.Usages.AsNoTracking().Where(u => u.TenantId == tenantId && u.MediaId == id)
                .OrderBy(u => u.CreatedAt).ToListAsync(cancellationToken);
            if (usages.Count > 0)
            {
                return (false, usages.Select(Iri).Distinct().ToList());
            }

            if (!await deletion.DeleteRowAsync(tenantId, id, cancellationToken))
            {
                return (false, []);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await deletion.RemoveBlobsAsync(tenantId, id, cancellationToken);
        return (true, []);
    }

    private static string Iri(MediaUsage usage) => usage.OwnerKind switch
    {
        UsageOwners.Product => CatalogIris.Product(usage.OwnerId),
        UsageOwners.Variant => CatalogIris.Variant(usage.OwnerId),
        UsageOwners.Track => $"/releases/{usage.ParentId}/tracks/{usage.OwnerId}",
        _ => $"/releases/{usage.OwnerId}",
    };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
