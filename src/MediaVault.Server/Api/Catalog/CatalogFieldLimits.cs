namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// Maximum lengths (characters) of product and variant fields; longer is a 400 problem naming the field. Where a
/// column has a length (name 500, sku 200) the limit is that length; description has none and is checked here only.
/// </summary>
public static class CatalogFieldLimits
{
    public const int Name = 500;
    public const int Sku = 200;
    public const int Description = 5000;

    /// <summary>A media or product IRI (<c>/rest/api/medias/{id}</c>): far shorter in practice.</summary>
    public const int Iri = 200;
}
