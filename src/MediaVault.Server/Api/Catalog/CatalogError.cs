namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// An expected failure of a catalogue operation: a kind, the client's message, and its violations (a 422's, or the one
/// field of a 400 about a value too long).
/// </summary>
public sealed record CatalogError(CatalogErrorKind Kind, string Detail, IReadOnlyList<ConstraintViolation>? Violations = null)
{
    public static CatalogError BadRequest(string detail) => new(CatalogErrorKind.BadRequest, detail);

    /// <summary>A 400 about one field; the detail is <c>field: message</c>, as API Platform words its violations.</summary>
    public static CatalogError BadRequest(ConstraintViolation violation) =>
        new(CatalogErrorKind.BadRequest, $"{violation.PropertyPath}: {violation.Message}", [violation]);

    public static CatalogError NotFound() => new(CatalogErrorKind.NotFound, "Not Found");

    public static CatalogError TooLarge(string detail) => new(CatalogErrorKind.TooLarge, detail);

    public static CatalogError UnsupportedMediaType(string detail) => new(CatalogErrorKind.UnsupportedMediaType, detail);

    public static CatalogError Invalid(IReadOnlyList<ConstraintViolation> violations) => new(CatalogErrorKind.Unprocessable, "", violations);

    /// <summary>Every kind has its problem here, with no default: a new kind does not compile until it is mapped.</summary>
    public CatalogProblemResult ToResult(HttpContext context) => Kind switch
    {
        CatalogErrorKind.BadRequest => Violations is { Count: > 0 }
            ? CatalogProblems.BadRequest(context, Detail, Violations)
            : CatalogProblems.BadRequest(context, Detail),
        CatalogErrorKind.NotFound => CatalogProblems.NotFound(context, Detail),
        CatalogErrorKind.TooLarge => CatalogProblems.TooLarge(context, Detail),
        CatalogErrorKind.UnsupportedMediaType => CatalogProblems.UnsupportedMediaType(context, Detail),
        CatalogErrorKind.Unprocessable => CatalogProblems.Unprocessable(context, Violations ?? []),
    };
}
