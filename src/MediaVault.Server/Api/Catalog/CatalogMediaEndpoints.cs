using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Tenants;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Catalog;

/// <summary><c>/rest/api/medias</c>: list, get, upload and delete, in JSON-LD with problem+json errors.</summary>
public static class CatalogMediaEndpoints
{
    public static IEndpointRouteBuilder MapCatalogMediaEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(CatalogIris.MediasPath).WithTags("Catalog Media").WithSurface(ApiSurface.Catalog);
        group.MapGet("/", ListAsync).RequireCatalogAccess(Permissions.MediaRead).WithName("listCatalogMedias")
            .Produces<CatalogCollection<CatalogMedia>>(StatusCodes.Status200OK, "application/ld+json", "application/json")
            .WithQuery("page", "1-based page number", integer: true).WithQuery("itemsPerPage", "Items per page (30, at most 100)", integer: true)
            .WithQuery("id", "Media id filter").WithQuery("id[]", "Media id filter, repeated").WithQuery("type", "image, video or file").WithQuery("type[]", "Type filter, repeated")
            .WithSummary("List medias (hydra:Collection; filters id, id[], type, type[]; page, itemsPerPage; hydra:next continues by keyset cursor)")
            .WithDescription("Media archived in the library are left out (retrieving one by id still works); a product or variant can newly list only media that are not archived, and keeps those it already lists.");
        group.MapGet("/{id}", GetAsync).RequireCatalogAccess(Permissions.MediaRead).WithSummary("Retrieve a media")
            .WithName("getCatalogMedia").Produces<CatalogMedia>(StatusCodes.Status200OK, "application/ld+json", "application/json");
        group.MapPost("/", UploadAsync).RequireCatalogAccess(Permissions.MediaWrite).WithName("uploadCatalogMedia")
            .AcceptsFiles(repeated: false, "file").Produces<CatalogMedia>(StatusCodes.Status201Created, "application/ld+json", "application/json")
            .ProducesErrors(413, 415, 507)
            .WithSummary("Upload a media (multipart field `file`)")
            .WithDescription("Images and files up to 5 MB, video up to 100 MB (configurable); larger is 413 and nothing is kept. mimeType, type, hash and dimensions come from the file. 201 with a Location header.");
        group.MapDelete("/{id}", DeleteAsync).RequireCatalogAccess(Permissions.MediaDelete).WithName("deleteCatalogMedia")
            .Produces(StatusCodes.Status204NoContent).ProducesErrors(409)
            .WithSummary("Delete a media")
            .WithDescription("204 with no body. A media that a product, variant or release still references is refused with 409 and a problem whose `referencedBy` lists their IRIs: the reference asks clients to check first; MediaVault makes it impossible to get wrong.");
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, CatalogMediaService medias, MediaUrls urls, IOptions<CatalogOptions> options, CancellationToken ct)
    {
        if (!CatalogPaging.TryRead(context.Request, options.Value, out var page, out var itemsPerPage, out var error))
        {
            return CatalogProblems.BadRequest(context, error!);
        }

        var query = context.Request.Query;
        var ids = query["id"].Concat(query["id[]"]).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        var kinds = new List<MediaKind>();
        foreach (var type in query["type"].Concat(query["type[]"]).Where(v => !string.IsNullOrEmpty(v)))
        {
            switch (type)
            {
                case "image": kinds.Add(MediaKind.Image); break;
                case "video": kinds.Add(MediaKind.Video); break;
                case "file": kinds.AddRange([MediaKind.Audio, MediaKind.Document]); break;
                default: return CatalogProblems.BadRequest(context, "type: The value must be one of \"image\", \"video\", \"file\".");
            }
        }

        KeysetCursor? after = null;
        if (query["cursor"].FirstOrDefault() is { } rawCursor)
        {
            if (!KeysetCursor.TryDecode(rawCursor, out var decoded))
            {
                return CatalogProblems.BadRequest(context, "cursor: This value is not a cursor this API issued.");
            }

            after = decoded;
        }

        var tenant = RequestTenant.Of(context);
        var (items, total) = await medias.ListAsync(tenant.Id, ids, kinds, page, itemsPerPage, after, ct);
        var members = items.Select(m => (JsonNode)CatalogJsonLd.Media(m, urls.For(context.Request, m), withContext: false));
        var search = CatalogJsonLd.Search(CatalogIris.MediasPath, "id", "id[]", "type", "type[]", "cursor");
        var filters = string.Join('&', CatalogPaging.QueryWithoutPage(context.Request).Split('&').Where(p => p.Length > 0 && !p.StartsWith("cursor=", StringComparison.Ordinal)));
        var body = CatalogJsonLd.Collection("Media", CatalogIris.MediasPath, members, total, page, itemsPerPage, CatalogPaging.QueryWithoutPage(context.Request), search);
        if (!query.ContainsKey("page") && body["hydra:view"] is JsonObject view)
        {
            // Without an explicit page number, continue by keyset: constant cost at any depth, unlike page numbers.
            view.Remove("hydra:previous");
            view.Remove("hydra:next");
            if (items.Count == itemsPerPage)
            {
                var next = new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode();
                view["hydra:next"] = $"{CatalogIris.MediasPath}?{(filters.Length > 0 ? filters + "&" : "")}cursor={next}";
            }
        }

        return new LdJsonResult(body, StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, CatalogMediaService medias, MediaUrls urls, CancellationToken ct)
    {
        var media = await medias.FindAsync(RequestTenant.Of(context).Id, id, ct);
        return media is null
            ? CatalogProblems.NotFound(context)
            : new LdJsonResult(CatalogJsonLd.Media(media, urls.For(context.Request, media), withContext: true), StatusCodes.Status200OK);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, CatalogMediaService medias, MediaUrls urls, CancellationToken ct)
    {
        var tenant = RequestTenant.Of(context);
        var uploaded = await medias.UploadAsync(tenant.Id, tenant.Key, Uploads.MultipartFiles.From(context.Request), ct);
        if (uploaded.Failed)
        {
            return CatalogProblems.From(context, uploaded.Failure, "Invalid input");
        }

        var media = uploaded.Value;
        var body = CatalogJsonLd.Media(media, urls.For(context.Request, media), withContext: true);
        return new LdJsonResult(body, StatusCodes.Status201Created, location: CatalogIris.Media(media.Id));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, CatalogMediaService medias, CancellationToken ct)
    {
        var deleted = await medias.DeleteAsync(RequestTenant.Of(context).Id, id, ct);
        return deleted.Failure switch
        {
            null => TypedResults.NoContent(),
            { Kind: Core.FailureKind.NotFound } => CatalogProblems.NotFound(context),
            var failure => CatalogProblems.From(context, failure),
        };
    }
}
