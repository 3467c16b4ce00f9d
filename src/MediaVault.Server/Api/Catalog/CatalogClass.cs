namespace MediaVault.Server.Api.Catalog;

/// <summary>A resource class of the catalogue: its terms, the collection it lives in and the methods it supports.</summary>
/// <param name="EntrypointName">The entrypoint's key for the collection (API Platform's lowercase short name), or null.</param>
/// <param name="ContextOnly">Terms of nested or embedded values: in the context, not among the documented properties.</param>
public sealed record CatalogClass(
    string Name,
    string Description,
    string? CollectionPath,
    string? EntrypointName,
    IReadOnlyList<CatalogTerm> Terms,
    IReadOnlyList<string> CollectionMethods,
    IReadOnlyList<string> ItemMethods,
    IReadOnlyList<CatalogTerm> ContextOnly);
