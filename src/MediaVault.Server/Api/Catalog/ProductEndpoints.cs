using System.Text.Json.Nodes;
using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Catalog;

/// <summary><c>/rest/api/products</c>: CRUD with an ordered <c>medias</c> list of image IRIs; <c>?expand=variants</c> embeds variants.</summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(CatalogIris.ProductsPath).WithTags("Catalog Products").WithSurface(ApiSurface.Catalog);
        group.MapGet("/", ListAsync).RequireCatalogAccess(Permissions.CatalogRead).WithName("listCatalogProducts")
            .Produces<CatalogCollection<CatalogProduct>>(StatusCodes.Status200OK, "application/ld+json", "application/json").WithQuery("page", "1-based page number", integer: true).WithQuery("itemsPerPage", "Items per page (30, at most 100)", integer: true).WithQuery("expand", "`variants` embeds the variants")
            .WithSummary("List products");
        group.MapPost("/", CreateAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("createCatalogProduct")
            .Accepts<CatalogProductInput>("application/ld+json", "application/json").Produces<CatalogProduct>(StatusCodes.Status201Created, "application/ld+json", "application/json")
            .ProducesErrors(413, 415, 422)
            .WithSummary("Create a product");
        group.MapGet("/{id}", GetAsync).RequireCatalogAccess(Permissions.CatalogRead).WithName("getCatalogProduct")
            .Produces<CatalogProduct>(StatusCodes.Status200OK, "application/ld+json", "application/json").WithQuery("expand", "`variants` embeds the variants")
            .WithSummary("Retrieve a product");
        group.MapPatch("/{id}", UpdateAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("updateCatalogProduct")
            .Accepts<CatalogProductInput>("application/merge-patch+json", "application/ld+json", "application/json").Produces<CatalogProduct>(StatusCodes.Status200OK, "application/ld+json", "application/json")
            .ProducesErrors(413, 415, 422)
            .WithSummary("Update a product (application/merge-patch+json); PATCH `medias` to attach or detach media");
        group.MapDelete("/{id}", DeleteAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("deleteCatalogProduct")
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("Delete a product and its variants");
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ProductService products, IOptions<CatalogOptions> options, CancellationToken ct)
    {
        if (!CatalogPaging.TryRead(context.Request, options.Value, out var page, out var itemsPerPage, out var error))
        {
            return CatalogProblems.BadRequest(context, error!);
        }

        var tenantId = RequestTenant.Of(context).Id;
        var (items, total) = await products.ListAsync(tenantId, page, itemsPerPage, ct);
        var views = await products.ViewsAsync(tenantId, items, Expand(context), withContext: false, ct);
        var body = CatalogJsonLd.Collection("Product", CatalogIris.ProductsPath, views, total, page, itemsPerPage,
            CatalogPaging.QueryWithoutPage(context.Request), CatalogJsonLd.Search(CatalogIris.ProductsPath, "expand"));
        return new LdJsonResult(body, StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, ProductService products, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        var product = await products.FindAsync(tenantId, id, ct);
        return product is null
            ? CatalogProblems.NotFound(context)
            : new LdJsonResult((await products.ViewsAsync(tenantId, [product], Expand(context), withContext: true, ct))[0], StatusCodes.Status200OK);
    }

    private static Task<IResult> CreateAsync(HttpContext context, ProductService products, CancellationToken ct) =>
        SaveAsync(context, products, null, ct);

    private static Task<IResult> UpdateAsync(string id, HttpContext context, ProductService products, CancellationToken ct) =>
        Guid.TryParse(id, out var productId) ? SaveAsync(context, products, productId, ct) : Task.FromResult(CatalogProblems.NotFound(context));

    private static async Task<IResult> SaveAsync(HttpContext context, ProductService products, Guid? id, CancellationToken ct)
    {
        var (body, bodyError, status) = await CatalogBody.ReadAsync(context.Request, ct);
        if (body is null)
        {
            return new CatalogError(status, bodyError!).ToResult(context);
        }

        var tenantId = RequestTenant.Of(context).Id;
        var (product, error) = await products.SaveAsync(tenantId, id, body, ct);
        if (product is null)
        {
            return error!.ToResult(context);
        }

        JsonObject view = (await products.ViewsAsync(tenantId, [product], Expand(context), withContext: true, ct))[0];
        return id is null
            ? new LdJsonResult(view, StatusCodes.Status201Created, location: CatalogIris.Product(product.Id))
            : new LdJsonResult(view, StatusCodes.Status200OK);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, ProductService products, CancellationToken ct) =>
        await products.DeleteAsync(RequestTenant.Of(context).Id, id, ct) ? TypedResults.NoContent() : CatalogProblems.NotFound(context);

    private static bool Expand(HttpContext context) =>
        context.Request.Query["expand"].Any(v => v is not null && v.Split(',').Contains("variants", StringComparer.Ordinal));
}
