using System.Text.Json.Nodes;
using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Catalog;

/// <summary><c>/rest/api/products</c>: CRUD with an ordered <c>medias</c> list of image IRIs; <c>?expand=variants</c> embeds variants.</summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(CatalogIris.ProductsPath).WithTags("Catalog Products").WithSurface(ApiSurface.Catalog);
        group.MapGet("/", ListAsync).RequireCatalogAccess(Permissions.CatalogRead).WithName("listCatalogProducts")
            .WithQuery("page", "1-based page number", integer: true).WithQuery("itemsPerPage", "Items per page (30, at most 100)", integer: true).WithQuery("expand", "`variants` embeds the variants")
            .WithSummary("List products");
        group.MapPost("/", CreateAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("createCatalogProduct")
            .Accepts<CatalogProductInput>("application/ld+json", "application/json")
            .ProducesErrors(413, 415, 422)
            .WithSummary("Create a product");
        group.MapGet("/{id}", GetAsync).RequireCatalogAccess(Permissions.CatalogRead).WithName("getCatalogProduct")
            .WithQuery("expand", "`variants` embeds the variants")
            .WithSummary("Retrieve a product");
        group.MapPatch("/{id}", UpdateAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("updateCatalogProduct")
            .Accepts<CatalogProductInput>("application/merge-patch+json", "application/ld+json", "application/json")
            .ProducesErrors(413, 415, 422)
            .WithSummary("Update a product (application/merge-patch+json); PATCH `medias` to attach or detach media");
        group.MapDelete("/{id}", DeleteAsync).RequireCatalogAccess(Permissions.CatalogWrite).WithName("deleteCatalogProduct")
            .WithSummary("Delete a product and its variants");
        return routes;
    }

    private static async Task<Results<LdJsonOk<CatalogCollection<CatalogProduct>>, CatalogProblemResult>> ListAsync(HttpContext context, ProductService products, IOptions<CatalogOptions> options, CancellationToken ct)
    {
        if (!CatalogPaging.TryRead(context.Request, options.Value, out var page, out var itemsPerPage, out var error))
        {
            return CatalogProblems.BadRequest(context, error);
        }

        var tenantId = RequestTenant.Of(context).Id;
        var (items, total) = await products.ListAsync(tenantId, page, itemsPerPage, ct);
        var views = await products.ViewsAsync(tenantId, items, Expand(context), withContext: false, ct);
        var body = CatalogJsonLd.Collection("Product", CatalogIris.ProductsPath, views, total, page, itemsPerPage,
            CatalogPaging.QueryWithoutPage(context.Request), CatalogJsonLd.Search(CatalogIris.ProductsPath, "expand"));
        return new LdJsonOk<CatalogCollection<CatalogProduct>>(body);
    }

    private static async Task<Results<LdJsonOk<CatalogProduct>, CatalogProblemResult>> GetAsync(string id, HttpContext context, ProductService products, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        var product = await products.FindAsync(tenantId, id, ct);
        return product is null
            ? CatalogProblems.NotFound(context)
            : new LdJsonOk<CatalogProduct>((await products.ViewsAsync(tenantId, [product], Expand(context), withContext: true, ct))[0]);
    }

    private static Task<Results<LdJsonCreated<CatalogProduct>, CatalogProblemResult>> CreateAsync(HttpContext context, ProductService products, CancellationToken ct) =>
        SaveAsync(context, products, null, (product, view) => new LdJsonCreated<CatalogProduct>(view, CatalogIris.Product(product.Id)), ct);

    private static async Task<Results<LdJsonOk<CatalogProduct>, CatalogProblemResult>> UpdateAsync(string id, HttpContext context, ProductService products, CancellationToken ct) =>
        Guid.TryParse(id, out var productId)
            ? await SaveAsync(context, products, productId, (_, view) => new LdJsonOk<CatalogProduct>(view), ct)
            : CatalogProblems.NotFound(context);

    /// <summary>Creates (<paramref name="id"/> null) or merge-patches a product; <paramref name="answer"/> renders the saved product.</summary>
    private static async Task<Results<TSuccess, CatalogProblemResult>> SaveAsync<TSuccess>(
        HttpContext context, ProductService products, Guid? id, Func<Core.Catalog.Product, JsonObject, TSuccess> answer, CancellationToken ct)
        where TSuccess : IResult
    {
        var body = await CatalogBody.ReadAsync(context.Request, ct);
        if (body.Failed)
        {
            return body.Error.ToResult(context);
        }

        var tenantId = RequestTenant.Of(context).Id;
        var saved = await products.SaveAsync(tenantId, id, body.Value, ct);
        if (saved.Failed)
        {
            return saved.Error.ToResult(context);
        }

        var product = saved.Value;

        JsonObject view = (await products.ViewsAsync(tenantId, [product], Expand(context), withContext: true, ct))[0];
        return answer(product, view);
    }

    private static async Task<Results<NoContent, CatalogProblemResult>> DeleteAsync(string id, HttpContext context, ProductService products, CancellationToken ct) =>
        await products.DeleteAsync(RequestTenant.Of(context).Id, id, ct) ? TypedResults.NoContent() : CatalogProblems.NotFound(context);

    private static bool Expand(HttpContext context) =>
        context.Request.Query["expand"].Any(v => v is not null && v.Split(',').Contains("variants", StringComparer.Ordinal));
}
