using System.Text.Json.Nodes;
using MediaVault.Core.Catalog;
using MediaVault.Core.Media;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Catalog;

/// <summary>Products: create, read (optionally with variants embedded), list, merge-patch and delete.</summary>
public sealed class ProductService(MediaVaultDbContext db, CatalogMediaLinks links, TimeProvider clock)
{
    public async Task<(Product? Product, CatalogError? Error)> SaveAsync(Guid tenantId, Guid? id, CatalogBody body, CancellationToken cancellationToken)
    {
        Product? product;
        if (id is { } existing)
        {
            product = await db.Products.SingleOrDefaultAsync(p => p.Id == existing && p.TenantId == tenantId, cancellationToken);
            if (product is null)
            {
                return (null, CatalogError.NotFound());
            }
        }
        else
        {
            product = new Product { Id = Guid.CreateVersion7(), TenantId = tenantId, CreatedAt = Now };
            db.Products.Add(product);
        }

        if (!body.TryString("name", CatalogFieldLimits.Name, out var name, out var error) || !body.TryString("sku", CatalogFieldLimits.Sku, out var sku, out error)
            || !body.TryString("description", CatalogFieldLimits.Description, out var description, out error)
            || !body.TryStringList("medias", CatalogFieldLimits.Iri, out var medias, out error))
        {
            return (null, CatalogError.BadRequest(error!));
        }

        product.Name = body.Has("name") ? name : product.Name;
        product.Sku = body.Has("sku") ? sku : product.Sku;
        product.Description = body.Has("description") ? description : product.Description;
        product.UpdatedAt = Now;
        if (medias is not null)
        {
            var (mediaIds, violations) = await links.ResolveAsync(tenantId, UsageOwners.Product, product.Id, medias, cancellationToken);
            if (violations.Count > 0)
            {
                return (null, CatalogError.Invalid(violations));
            }

            await links.ReplaceAsync(tenantId, UsageOwners.Product, product.Id, null, mediaIds, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (product, null);
    }

    public Task<Product?> FindAsync(Guid tenantId, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var productId)
            ? db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId && p.TenantId == tenantId, cancellationToken)
            : Task.FromResult<Product?>(null);

    public async Task<(List<Product> Items, int Total)> ListAsync(Guid tenantId, int page, int itemsPerPage, CancellationToken cancellationToken)
    {
        var query = db.Products.AsNoTracking().Where(p => p.TenantId == tenantId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip((page - 1) * itemsPerPage).Take(itemsPerPage).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>JSON-LD for products, with their media IRIs and their variants as IRIs or, when expanded, embedded.</summary>
    public async Task<List<JsonObject>> ViewsAsync(Guid tenantId, IReadOnlyList<Product> products, bool expandVariants, bool withContext, CancellationToken cancellationToken)
    {
        var ids = products.Select(p => p.Id).ToList();
        var medias = await links.ListAsync(tenantId, UsageOwners.Product, ids, cancellationToken);
        var variants = await db.Variants.AsNoTracking().Where(v => v.TenantId == tenantId && ids.Contains(v.ProductId))
            .OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).ToListAsync(cancellationToken);
        var variantMedias = expandVariants
            ? await links.ListAsync(tenantId, UsageOwners.Variant, variants.Select(v => v.Id).ToList(), cancellationToken)
            : Enumerable.Empty<string>().ToLookup(_ => Guid.Empty);
        var byProduct = variants.ToLookup(v => v.ProductId);
        return products.Select(p => CatalogViews.Product(p, medias[p.Id], byProduct[p.Id].Select(v => expandVariants
                ? (JsonNode)CatalogViews.Variant(v, variantMedias[v.Id], withContext: false)
                : CatalogIris.Variant(v.Id)), withContext))
            .ToList();
    }

    /// <summary>Deletes the product, its variants and their media lists (the media themselves stay).</summary>
    public async Task<bool> DeleteAsync(Guid tenantId, string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var productId))
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var variantIds = await db.Variants.Where(v => v.ProductId == productId && v.TenantId == tenantId).Select(v => v.Id).ToListAsync(cancellationToken);
        var deleted = await db.Products.Where(p => p.Id == productId && p.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return false;
        }

        await links.RemoveOwnerAsync(tenantId, UsageOwners.Product, [productId], cancellationToken);
        await links.RemoveOwnerAsync(tenantId, UsageOwners.Variant, variantIds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
