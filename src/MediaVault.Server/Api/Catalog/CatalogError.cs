namespace MediaVault.Server.Api.Catalog;

/// <summary>An expected failure of a catalogue operation: 400 (a field of the wrong type), 404, or 422 with violations.</summary>
public sealed record CatalogError(int Status, string Detail, IReadOnlyList<(string PropertyPath, string Message)>? Violations = null)
{
    public static CatalogError BadRequest(string detail) => new(StatusCodes.Status400BadRequest, detail);

    public static CatalogError NotFound() => new(StatusCodes.Status404NotFound, "Not Found");

    public static CatalogError Invalid(IReadOnlyList<(string, string)> violations) =>
        new(StatusCodes.Status422UnprocessableEntity, "", violations);

    public CatalogProblemResult ToResult(HttpContext context) => Status switch
    {
        StatusCodes.Status404NotFound => CatalogProblems.NotFound(context, Detail),
        StatusCodes.Status422UnprocessableEntity => CatalogProblems.Unprocessable(context, Violations ?? []),
        StatusCodes.Status415UnsupportedMediaType => CatalogProblems.UnsupportedMediaType(context, Detail),
        StatusCodes.Status413PayloadTooLarge => CatalogProblems.TooLarge(context, Detail),
        _ => CatalogProblems.BadRequest(context, Detail),
    };
}
