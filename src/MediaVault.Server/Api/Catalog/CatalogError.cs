namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// An expected failure of a catalogue operation: 400 (a field of the wrong type, or too long: then with its
/// violation), 404, or 422 with violations.
/// </summary>
public sealed record CatalogError(int Status, string Detail, IReadOnlyList<ConstraintViolation>? Violations = null)
{
    public static CatalogError BadRequest(string detail) => new(StatusCodes.Status400BadRequest, detail);

    /// <summary>A 400 about one field; the detail is <c>field: message</c>, as API Platform words its violations.</summary>
    public static CatalogError BadRequest(ConstraintViolation violation) =>
        new(StatusCodes.Status400BadRequest, $"{violation.PropertyPath}: {violation.Message}", [violation]);

    public static CatalogError NotFound() => new(StatusCodes.Status404NotFound, "Not Found");

    public static CatalogError Invalid(IReadOnlyList<ConstraintViolation> violations) =>
        new(StatusCodes.Status422UnprocessableEntity, "", violations);

    public CatalogProblemResult ToResult(HttpContext context) => Status switch
    {
        StatusCodes.Status404NotFound => CatalogProblems.NotFound(context, Detail),
        StatusCodes.Status422UnprocessableEntity => CatalogProblems.Unprocessable(context, Violations ?? []),
        StatusCodes.Status415UnsupportedMediaType => CatalogProblems.UnsupportedMediaType(context, Detail),
        StatusCodes.Status413PayloadTooLarge => CatalogProblems.TooLarge(context, Detail),
        _ when Violations is { Count: > 0 } => CatalogProblems.BadRequest(context, Detail, Violations),
        _ => CatalogProblems.BadRequest(context, Detail),
    };
}
