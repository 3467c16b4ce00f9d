using MediaVault.Core.Catalog;
using MediaVault.Core.Media;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Catalog;

/// <summary>Variants: each belongs to a product of the same tenant, named by its IRI in <c>product</c>.</summary>
public sealed class VariantService(MediaVaultDbContext db, CatalogMediaLinks links, TimeProvider clock)
{
    public async Task<(Variant? Variant, CatalogError? Error)> SaveAsync(Guid tenantId, Guid? id, CatalogBody body, CancellationToken cancellationToken)
    {
        Variant? variant;
        if (id is { } existing)
        {
            variant = await db.Variants.SingleOrDefaultAsync(v => v.Id == existing && v.TenantId == tenantId, cancellationToken);
            if (variant is null)
            {
                return (null, CatalogError.NotFound());
            }
        }
        else
        {
            variant = new Variant { Id = Guid.CreateVersion7(), TenantId = tenantId, CreatedAt = Now };
        }

        if (!body.TryString("product", CatalogFieldLimits.Iri, out var productIri, out var error) || !body.TryString("name", CatalogFieldLimits.Name, out var name, out error)
            || !body.TryString("sku", CatalogFieldLimits.Sku, out var sku, out error) || !body.TryStringList("medias", CatalogFieldLimits.Iri, out var medias, out error))
        {
            return (null, CatalogError.BadRequest(error!));
        }

        if (id is null || body.Has("product"))
        {
            var productId = Guid.TryParse(CatalogIris.IdFrom(productIri, CatalogIris.ProductsPath), out var parsed) ? parsed : (Guid?)null;
            if (productId is null || !await db.Products.AnyAsync(p => p.Id == productId && p.TenantId == tenantId, cancellationToken))
            {
                var message = productIri is null ? "This value should not be null." : $"Item not found for \"{productIri}\".";
                return (null, CatalogError.Invalid([("product", message)]));
            }

            variant.ProductId = productId.Value;
        }

        variant.Name = body.Has("name") ? name : variant.Name;
        variant.Sku = body.Has("sku") ? sku : variant.Sku;
        variant.UpdatedAt = Now;
        if (id is null)
        {
            db.Variants.Add(variant);
        }

        if (medias is not null)
        {
            var (mediaIds, violations) = await links.ResolveAsync(tenantId, UsageOwners.Variant, variant.Id, medias, cancellationToken);
            if (violations.Count > 0)
            {
                return (null, CatalogError.Invalid(violations));
            }

            await links.ReplaceAsync(tenantId, UsageOwners.Variant, variant.Id, variant.ProductId, mediaIds, cancellationToken);
        }
        else if (body.Has("product"))
        {
            await db.Usages.Where(u => u.TenantId == tenantId && u.OwnerKind == UsageOwners.Variant && u.OwnerId == variant.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.ParentId, variant.ProductId), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (variant, null);
    }

    public Task<Variant?> FindAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var variantId)
            ? db.Variants.AsNoTracking().SingleOrDefaultAsync(v => v.Id == variantId && v.TenantId == tenantId, cancellationToken)
            : Task.FromResult<Variant?>(null);

    public async Task<(List<Variant> Items, int Total)> ListAsync(Guid tenantId, Guid? productId, int page, int itemsPerPage, CancellationToken cancellationToken)
    {
        var query = db.Variants.AsNoTracking().Where(v => v.TenantId == tenantId);
        if (productId is { } product)
        {
            query = query.Where(v => v.ProductId == product);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).Skip((page - 1) * itemsPerPage).Take(itemsPerPage).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<ILookup<Guid, string>> MediasAsync(Guid tenantId, IReadOnlyList<Variant> variants, CancellationToken cancellationToken) =>
        await links.ListAsync(tenantId, UsageOwners.Variant, variants.Select(v => v.Id).ToList(), cancellationToken);

    public async Task<bool> DeleteAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var variantId))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.Variants.Where(v => v.Id == variantId && v.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await links.RemoveOwnerAsync(tenantId, UsageOwners.Variant, [variantId], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
