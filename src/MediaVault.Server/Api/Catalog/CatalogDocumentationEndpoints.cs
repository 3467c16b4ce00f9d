using System.Text.Json.Nodes;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// What Hydra and JSON-LD clients read before any resource: the entrypoint <c>/rest/api</c>, the API documentation
/// <c>/rest/api/docs.jsonld</c> and the contexts <c>/rest/api/contexts/{class}</c>. They describe the API, hold no
/// organisation's data and need no credentials, as in API Platform.
/// </summary>
public static class CatalogDocumentationEndpoints
{
    public static IEndpointRouteBuilder MapCatalogDocumentationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(CatalogIris.Base).WithTags("Catalog Documentation").WithSurface(ApiSurface.Catalog)
            .AllowAnonymous().NegotiatesCatalogFormats();
        group.MapGet("/", Entrypoint).WithName("getCatalogEntrypoint")
            .WithSummary("The Hydra entrypoint: the IRI of each collection");
        group.MapGet("/docs.jsonld", Documentation).WithName("getCatalogApiDocumentation")
            .WithSummary("The Hydra API documentation (hydra:ApiDocumentation), which also defines the terms of the API vocabulary");
        group.MapGet("/contexts/{name}", Context).WithName("getCatalogContext")
            .WithSummary("The JSON-LD context of a class: Entrypoint, Media, Product, Variant, Error or ConstraintViolationList");
        return routes;
    }

    private static LdJsonOk<CatalogEntrypointDocument> Entrypoint()
    {
        var entrypoint = new JsonObject
        {
            ["@context"] = CatalogJsonLd.Context(CatalogContexts.Entrypoint),
            ["@id"] = CatalogIris.Base,
            ["@type"] = CatalogContexts.Entrypoint,
        };
        foreach (var resource in CatalogVocabulary.Resources)
        {
            entrypoint[resource.EntrypointName!] = resource.CollectionPath;
        }

        return new LdJsonOk<CatalogEntrypointDocument>(entrypoint);
    }

    private static LdJsonOk<CatalogApiDocumentationDocument> Documentation(HttpContext context) =>
        new(CatalogApiDocumentation.Build(CatalogContexts.Origin(context.Request)));

    private static Results<LdJsonOk<CatalogContextDocument>, CatalogProblemResult> Context(string name, HttpContext context) =>
        CatalogContexts.Build(name, CatalogContexts.Origin(context.Request)) is { } found
            ? new LdJsonOk<CatalogContextDocument>(new JsonObject { ["@context"] = found })
            : CatalogProblems.NotFound(context, $"No context is named \"{name}\".");
}
