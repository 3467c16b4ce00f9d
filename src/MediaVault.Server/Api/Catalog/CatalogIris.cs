namespace MediaVault.Server.Api.Catalog;

/// <summary>The catalogue's resource identifiers (IRIs) and how to read them back.</summary>
public static class CatalogIris
{
    public const string Base = "/rest/api";
    public const string MediasPath = Base + "/medias";
    public const string ProductsPath = Base + "/products";
    public const string VariantsPath = Base + "/variants";

    public static string Media(string id) => $"{MediasPath}/{id}";

    public static string Product(Guid id) => $"{ProductsPath}/{id}";

    public static string Variant(Guid id) => $"{VariantsPath}/{id}";

    /// <summary>The id in an IRI of the given collection (relative, or absolute with any host), or null.</summary>
    public static string? IdFrom(string? iri, string collectionPath)
    {
        if (string.IsNullOrWhiteSpace(iri))
        {
            return null;
        }

        var path = Uri.TryCreate(iri, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.AbsolutePath : iri;
        var prefix = collectionPath + "/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = path[prefix.Length..];
        return id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) ? id : null;
    }
}
