using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Catalog;

/// <summary><c>/rest/api/variants</c>: CRUD; a variant names its product by IRI and has its own ordered <c>medias</c>.</summary>
public static class VariantEndpoints
{
    public static IEndpointRouteBuilder MapVariantEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(CatalogIris.VariantsPath).WithTags("Catalog Variants").WithSurface(ApiSurface.Catalog);
        group.MapGet("/", ListAsync).RequireCatalogAccess(Permissions.CatalogRead).WithName("listCatalogVariants")
            .WithQuery("page", "1-based page number", integer: true).WithQuery("itemsPerPage", "Items per page (30, at most 100)", integer: true).WithQuery("product", "Product IRI filter")
            .WithSummary("List variants (filter `product` by IRI)");
        group.MapPost("/", CreateAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("createCatalogVariant")
            .Accepts<CatalogVariantInput>("application/ld+json", "application/json")
            .ProducesErrors(413, 415, 422)
            .WithSummary("Create a variant of a product");
        group.MapGet("/{id}", GetAsync).RequireCatalogAccess(Permissions.CatalogRead).WithName("getCatalogVariant")
            
            .WithSummary("Retrieve a variant");
        group.MapPatch("/{id}", UpdateAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("updateCatalogVariant")
            .Accepts<CatalogVariantInput>("application/merge-patch+json", "application/ld+json", "application/json")
            .ProducesErrors(413, 415, 422)
            .WithSummary("Update a variant (application/merge-patch+json); PATCH `medias` to attach or detach media");
        group.MapDelete("/{id}", DeleteAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("deleteCatalogVariant")
            .WithSummary("Delete a variant");
        return routes;
    }

    private static async Task<Results<LdJsonOk<CatalogCollection<CatalogVariant>>, CatalogProblemResult>> ListAsync(HttpContext context, VariantService variants, IOptions<CatalogOptions> options, CancellationToken ct)
    {
        if (!CatalogPaging.TryRead(context.Request, options.Value, out var page, out var itemsPerPage, out var error))
        {
            return CatalogProblems.BadRequest(context, error);
        }

        Guid? productId = null;
        if (context.Request.Query["product"].FirstOrDefault() is { Length: > 0 } productIri)
        {
            if (!Guid.TryParse(CatalogIris.IdFrom(productIri, CatalogIris.ProductsPath) ?? productIri, out var parsed))
            {
                return CatalogProblems.BadRequest(context, "product: Invalid IRI.");
            }

            productId = parsed;
        }

        var tenantId = RequestTenant.Of(context).Id;
        var (items, total) = await variants.ListAsync(tenantId, productId, page, itemsPerPage, ct);
        var medias = await variants.MediasAsync(tenantId, items, ct);
        var members = items.Select(v => (System.Text.Json.Nodes.JsonNode)CatalogViews.Variant(v, medias[v.Id], withContext: false));
        var body = CatalogJsonLd.Collection("Variant", CatalogIris.VariantsPath, members, total, page, itemsPerPage,
            CatalogPaging.QueryWithoutPage(context.Request), CatalogJsonLd.Search(CatalogIris.VariantsPath, "product"));
        return new LdJsonOk<CatalogCollection<CatalogVariant>>(body);
    }

    private static async Task<Results<LdJsonOk<CatalogVariant>, CatalogProblemResult>> GetAsync(string id, HttpContext context, VariantService variants, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        var variant = await variants.FindAsync(tenantId, id, ct);
        if (variant is null)
        {
            return CatalogProblems.NotFound(context);
        }

        var medias = await variants.MediasAsync(tenantId, [variant], ct);
        return new LdJsonOk<CatalogVariant>(CatalogViews.Variant(variant, medias[variant.Id], withContext: true));
    }

    private static Task<Results<LdJsonCreated<CatalogVariant>, CatalogProblemResult>> CreateAsync(HttpContext context, VariantService variants, CancellationToken ct) =>
        SaveAsync(context, variants, null, (variant, view) => new LdJsonCreated<CatalogVariant>(view, CatalogIris.Variant(variant.Id)), ct);

    private static async Task<Results<LdJsonOk<CatalogVariant>, CatalogProblemResult>> UpdateAsync(string id, HttpContext context, VariantService variants, CancellationToken ct) =>
        Guid.TryParse(id, out var variantId)
            ? await SaveAsync(context, variants, variantId, (_, view) => new LdJsonOk<CatalogVariant>(view), ct)
            : CatalogProblems.NotFound(context);

    /// <summary>Creates (<paramref name="id"/> null) or merge-patches a variant; <paramref name="answer"/> renders the saved variant.</summary>
    private static async Task<Results<TSuccess, CatalogProblemResult>> SaveAsync<TSuccess>(
        HttpContext context, VariantService variants, Guid? id, Func<Core.Catalog.Variant, System.Text.Json.Nodes.JsonObject, TSuccess> answer, CancellationToken ct)
        where TSuccess : IResult
    {
        var body = await CatalogBody.ReadAsync(context.Request, ct);
        if (body.Failed)
        {
            return body.Error.ToResult(context);
        }

        var tenantId = RequestTenant.Of(context).Id;
        var saved = await variants.SaveAsync(tenantId, id, body.Value, ct);
        if (saved.Failed)
        {
            return saved.Error.ToResult(context);
        }

        var variant = saved.Value;

        var medias = await variants.MediasAsync(tenantId, [variant], ct);
        var view = CatalogViews.Variant(variant, medias[variant.Id], withContext: true);
        return answer(variant, view);
    }

    private static async Task<Results<NoContent, CatalogProblemResult>> DeleteAsync(string id, HttpContext context, VariantService variants, CancellationToken ct) =>
        await variants.DeleteAsync(RequestTenant.Of(context).Id, id, ct) ? TypedResults.NoContent() : CatalogProblems.NotFound(context);
}
