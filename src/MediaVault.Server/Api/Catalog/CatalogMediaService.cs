using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Application.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Catalog;

/// <summary>The tenant's media seen through the catalogue: list, read, upload (field <c>file</c>) and guarded delete.</summary>
public sealed class CatalogMediaService(MediaVaultDbContext db, MediaIntake intake, IOptions<CatalogOptions> options)
{
    public const string FileField = "file";

    /// <summary>
    /// Oldest first; with <paramref name="after"/> (keyset) the page starts after that item instead of at <paramref name="page"/>.
    /// Archived media are left out (the collection is where media are picked from); read by id they are still there.
    /// </summary>
    public async Task<(List<MediaItem> Items, int Total)> ListAsync(
        Guid tenantId, IReadOnlyList<string> ids, IReadOnlyList<MediaKind> kinds, int page, int itemsPerPage, KeysetCursor? after, CancellationToken cancellationToken)
    {
        var query = db.Media.AsNoTracking().Where(m => m.TenantId == tenantId && m.State != MediaState.Pending && m.ArchivedAt == null);
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
    public async Task<Outcome<MediaItem>> UploadAsync(Guid tenantId, string tenantKey, IFileParts parts, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var policy = new IntakePolicy(tenantId, StorageArea.Permanent, IntakePolicy.AllKinds, tenantKey, limits.MaxVideoBytes,
            kind => kind == MediaKind.Video ? limits.MaxVideoBytes : limits.MaxFileBytes);
        await using var batch = intake.Begin(policy);
        var read = await parts.ForEachAsync(async (part, ct) =>
        {
            if (part.FieldName != FileField)
            {
                return Done.Value;
            }

            return batch.Count > 0 ? Failure.BadRequest("Only one file may be uploaded per request") : await batch.AddAsync(part.Body, part.FileName, ct);
        }, cancellationToken);
        if (read.Failed)
        {
            return read.Failure;
        }

        if (batch.Count == 0)
        {
            return Failure.BadRequest($"The \"{FileField}\" field with a file is required");
        }

        var committed = await batch.CommitAsync(owner: null, guard: null, cancellationToken);
        return committed.Failed ? committed.Failure : committed.Value[0];
    }

    /// <summary>Deletes a media nothing references; a referenced one is a conflict listing the referencing IRIs.</summary>
    public Task<Outcome<Done>> DeleteAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        intake.DeleteAsync(tenantId, id, also: null, async ct =>
        {
            var usages = await db.Usages.AsNoTracking().Where(u => u.TenantId == tenantId && u.MediaId == id)
                .OrderBy(u => u.CreatedAt).ToListAsync(ct);
            if (usages.Count == 0)
            {
                return Done.Value;
            }

            var referencedBy = usages.Select(Iri).Distinct().ToList();
            return Failure.Conflict($"The media is still referenced by {string.Join(", ", referencedBy)}; remove it from their medias first.") with { ReferencedBy = referencedBy };
        }, cancellationToken);

    private static string Iri(MediaUsage usage) => usage.OwnerKind switch
    {
        UsageOwners.Product => CatalogIris.Product(usage.OwnerId),
        UsageOwners.Variant => CatalogIris.Variant(usage.OwnerId),
        UsageOwners.Track => $"/releases/{usage.ParentId}/tracks/{usage.OwnerId}",
        _ => $"/releases/{usage.OwnerId}",
    };
}
