namespace MediaVault.Server.Api.Catalog;

/// <summary>An expected failure of a catalogue write: a kind, the client's message, and for a 422 its violations.</summary>
public sealed record CatalogError(CatalogErrorKind Kind, string Detail, IReadOnlyList<(string PropertyPath, string Message)>? Violations = null)
{
    public static CatalogError BadRequest(string detail) => new(CatalogErrorKind.BadRequest, detail);

    public static CatalogError NotFound() => new(CatalogErrorKind.NotFound, "Not Found");

    public static CatalogError TooLarge(string detail) => new(CatalogErrorKind.TooLarge, detail);

    public static CatalogError UnsupportedMediaType(string detail) => new(CatalogErrorKind.UnsupportedMediaType, detail);

    public static CatalogError Invalid(IReadOnlyList<(string, string)> violations) => new(CatalogErrorKind.Unprocessable, "", violations);

    /// <summary>Every kind has its problem here, with no default: a new kind does not compile until it is mapped.</summary>
    public CatalogProblemResult ToResult(HttpContext context) => Kind switch
    {
        CatalogErrorKind.BadRequest => CatalogProblems.BadRequest(context, Detail),
        CatalogErrorKind.NotFound => CatalogProblems.NotFound(context, Detail),
        CatalogErrorKind.TooLarge => CatalogProblems.TooLarge(context, Detail),
        CatalogErrorKind.UnsupportedMediaType => CatalogProblems.UnsupportedMediaType(context, Detail),
        CatalogErrorKind.Unprocessable => CatalogProblems.Unprocessable(context, Violations ?? []),
    };
}
