namespace MediaVault.Server.Api.Catalog;

/// <summary>The closed set of catalogue write failures; <see cref="CatalogError.ToResult"/> maps each to its problem.</summary>
public enum CatalogErrorKind
{
    /// <summary>400: a field of the wrong type or too long, or a body that is not a JSON object.</summary>
    BadRequest,

    /// <summary>404: the product or variant to patch does not exist in this tenant.</summary>
    NotFound,

    /// <summary>413: the body is past the JSON body limit.</summary>
    TooLarge,

    /// <summary>415: a content type the catalogue does not read.</summary>
    UnsupportedMediaType,

    /// <summary>422 with one violation per invalid field.</summary>
    Unprocessable,
}
