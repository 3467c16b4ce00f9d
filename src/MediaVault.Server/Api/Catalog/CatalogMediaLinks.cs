using MediaVault.Core.Media;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// The ordered <c>medias</c> list of a product or variant, kept as <see cref="MediaUsage"/> rows so every surface
/// can see what references a media. Only image media of the same tenant may be listed.
/// </summary>
public sealed class CatalogMediaLinks(MediaVaultDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Resolves IRIs to media ids, or returns one violation per bad entry (<c>medias[i]</c>). An archived media is not
    /// found unless the owner already lists it (so an unchanged list can be sent back after archiving).
    /// </summary>
    public async Task<(List<string> Ids, List<(string, string)> Violations)> ResolveAsync(
        Guid tenantId, string ownerKind, Guid ownerId, List<string> iris, CancellationToken cancellationToken)
    {
        var ids = iris.Select(iri => CatalogIris.IdFrom(iri, CatalogIris.MediasPath)).ToList();
        var wanted = ids.Where(id => id is not null).Select(id => id!).Distinct().ToList();
        var found = await db.Media.AsNoTracking().Where(m => m.TenantId == tenantId && wanted.Contains(m.Id) && m.State != MediaState.Pending
                && (m.ArchivedAt == null || db.Usages.Any(u => u.MediaId == m.Id && u.OwnerKind == ownerKind && u.OwnerId == ownerId)))
            .Select(m => new { m.Id, m.Kind }).ToDictionaryAsync(m => m.Id, m => m.Kind, cancellationToken);
        var violations = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < iris.Count; i++)
        {
            var path = $"medias[{i}]";
            if (ids[i] is not { } id || !found.TryGetValue(id, out var kind))
            {
                violations.Add((path, $"Item not found for \"{iris[i]}\"."));
            }
            else if (kind != MediaKind.Image)
            {
                violations.Add((path, $"Only media of type \"image\" can be associated; \"{iris[i]}\" is of type \"{CatalogJsonLd.TypeOf(kind)}\"."));
            }
            else if (!seen.Add(id))
            {
                violations.Add((path, $"\"{iris[i]}\" is listed more than once."));
            }
        }

        return (violations.Count == 0 ? ids.Select(id => id!).ToList() : [], violations);
    }

    /// <summary>Replaces the owner's list (not saved: the caller saves with the rest of its change).</summary>
    public async Task ReplaceAsync(Guid tenantId, string ownerKind, Guid ownerId, Guid? parentId, List<string> mediaIds, CancellationToken cancellationToken)
    {
        var existing = await db.Usages.Where(u => u.TenantId == tenantId && u.OwnerKind == ownerKind && u.OwnerId == ownerId).ToListAsync(cancellationToken);
        db.Usages.RemoveRange(existing);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Usages.AddRange(mediaIds.Select((id, position) => new MediaUsage
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            MediaId = id,
            OwnerKind = ownerKind,
            OwnerId = ownerId,
            ParentId = parentId,
            Position = position,
            CreatedAt = now,
        }));
    }

    /// <summary>The ordered media IRIs of several owners at once.</summary>
    public async Task<ILookup<Guid, string>> ListAsync(Guid tenantId, string ownerKind, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken) =>
        (await db.Usages.AsNoTracking()
            .Where(u => u.TenantId == tenantId && u.OwnerKind == ownerKind && ownerIds.Contains(u.OwnerId))
            .OrderBy(u => u.Position)
            .Select(u => new { u.OwnerId, u.MediaId })
            .ToListAsync(cancellationToken))
        .ToLookup(u => u.OwnerId, u => CatalogIris.Media(u.MediaId));

    public Task RemoveOwnerAsync(Guid tenantId, string ownerKind, IReadOnlyCollection<Guid> ownerIds, CancellationToken cancellationToken) =>
        db.Usages.Where(u => u.TenantId == tenantId && u.OwnerKind == ownerKind && ownerIds.Contains(u.OwnerId)).ExecuteDeleteAsync(cancellationToken);
}
