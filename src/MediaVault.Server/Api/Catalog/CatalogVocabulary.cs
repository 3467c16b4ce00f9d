namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// The catalogue's classes and terms: one table from which the JSON-LD contexts (<see cref="CatalogContexts"/>) and the
/// Hydra documentation (<see cref="CatalogApiDocumentation"/>) are both built, so they cannot disagree. Properties map
/// to schema.org where it has one; the rest live in the API's own vocabulary (<c>/rest/api/docs.jsonld#</c>), which
/// the documentation defines.
/// </summary>
public static class CatalogVocabulary
{
    public const string Hydra = "http://www.w3.org/ns/hydra/core#";
    public const string Schema = "https://schema.org/";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rdfs = "http://www.w3.org/2000/01/rdf-schema#";
    public const string Owl = "http://www.w3.org/2002/07/owl#";

    private static readonly CatalogTerm Identifier = new("id", "schema:identifier", "xsd:string", "The identifier (a UUID)");
    private static readonly CatalogTerm CreatedAt = new("createdAt", "schema:dateCreated", "xsd:dateTime", "When the resource was created");
    private static readonly CatalogTerm UpdatedAt = new("updatedAt", "schema:dateModified", "xsd:dateTime", "When the resource was last changed");
    private static readonly CatalogTerm Images = new("medias", "schema:image", "#Media", "Media IRIs in order; only images may be listed", Link: true, Writable: true);
    private static readonly CatalogTerm VariantOf = new("product", "schema:isVariantOf", "#Product", "The product IRI", Link: true, Writable: true, Required: true, Single: true);

    public static CatalogClass Media { get; } = new("Media", "A media file: an image, a video or another file.", CatalogIris.MediasPath, "media",
    [
        Identifier,
        new("contentUrl", "schema:contentUrl", "xsd:string", "A signed, expiring URL of the file"),
        new("mimeType", "schema:encodingFormat", "xsd:string", "The MIME type sniffed from the bytes"),
        new("type", null, "xsd:string", "image, video or file (audio and documents)"),
        new("hash", "schema:sha256", "xsd:string", "SHA-256 of the file, hexadecimal"),
        new("dimensions", null, null, "{width, height} in pixels for images, else null"),
        CreatedAt,
        UpdatedAt,
    ], ["GET", "POST"], ["GET", "DELETE"],
    [
        new("width", "schema:width", "xsd:integer", "Width in pixels"),
        new("height", "schema:height", "xsd:integer", "Height in pixels"),
    ]);

    public static CatalogClass Product { get; } = new("Product", "A catalogue product with its ordered images and its variants.", CatalogIris.ProductsPath, "product",
    [
        Identifier,
        new("name", "schema:name", "xsd:string", "The product name", Writable: true),
        new("sku", "schema:sku", "xsd:string", "The stock keeping unit", Writable: true),
        new("description", "schema:description", "xsd:string", "The description", Writable: true),
        Images,
        new("variants", "schema:hasVariant", "#Variant", "Variant IRIs, or the variants themselves with ?expand=variants", Link: true),
        CreatedAt,
        UpdatedAt,
    ], ["GET", "POST"], ["GET", "PATCH", "DELETE"],
    [VariantOf]);

    public static CatalogClass Variant { get; } = new("Variant", "A variant of a product, with its own ordered images.", CatalogIris.VariantsPath, "variant",
    [
        Identifier,
        VariantOf,
        new("name", "schema:name", "xsd:string", "The variant name", Writable: true),
        new("sku", "schema:sku", "xsd:string", "The stock keeping unit", Writable: true),
        Images,
        CreatedAt,
        UpdatedAt,
    ], ["GET", "POST"], ["GET", "PATCH", "DELETE"], []);

    /// <summary>A problem document (RFC 9457 fields beside Hydra's <c>hydra:title</c> and <c>hydra:description</c>).</summary>
    public static CatalogClass Error { get; } = new("Error", "A representation of common errors.", null, null,
    [
        new("type", null, "xsd:string", "A URI reference that identifies the problem type", Link: true, Single: true, Owner: "Error"),
        new("title", null, "xsd:string", "A short, human-readable summary of the problem.", Owner: "Error"),
        new("status", null, "xsd:integer", "The HTTP status code applicable to this problem.", Owner: "Error"),
        new("detail", null, "xsd:string", "A human-readable explanation specific to this occurrence of the problem.", Owner: "Error"),
        new("instance", null, "xsd:string", "A URI reference that identifies the specific occurrence of the problem.", Owner: "Error"),
        new("missingPermissions", null, "xsd:string", "Identity permissions the caller is missing (403 only)", Owner: "Error"),
        new("referencedBy", null, null, "IRIs of what still references the media (409 only)", Link: true, Owner: "Error"),
    ], [], [], []);

    /// <summary>A validation error: a problem with one entry per invalid field.</summary>
    public static CatalogClass ConstraintViolationList { get; } = new("ConstraintViolationList", "A constraint violation List.", null, null,
    [
        new("violations", null, null, "One entry per invalid field"),
        new("propertyPath", null, "xsd:string", "The property path of the violation"),
        new("message", null, "xsd:string", "The message associated with the violation"),
        new("code", null, "xsd:string", "The code of the violation"),
    ], [], [], Error.Terms);

    /// <summary>The resource classes, in the order the entrypoint and the documentation list them.</summary>
    public static IReadOnlyList<CatalogClass> Resources { get; } = [Media, Product, Variant];

    /// <summary>The class of <paramref name="name"/>, or null.</summary>
    public static CatalogClass? Find(string name) =>
        Resources.Concat([Error, ConstraintViolationList]).FirstOrDefault(c => c.Name == name);
}
