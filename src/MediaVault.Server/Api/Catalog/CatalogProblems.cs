using System.Text.Json.Nodes;
using MediaVault.Core;

namespace MediaVault.Server.Api.Catalog;

/// <summary>The one place the catalogue surface writes errors: problem documents in the reference's shapes.</summary>
public static class CatalogProblems
{
    private const string ConstraintViolationList = "ConstraintViolationList";

    public static CatalogProblemResult BadRequest(HttpContext context, string detail, string title = "Bad Request") =>
        Write(context, StatusCodes.Status400BadRequest, title, detail);

    /// <summary>A 400 about fields: a <c>ConstraintViolationList</c> with the detail the plain 400 would have.</summary>
    public static CatalogProblemResult BadRequest(HttpContext context, string detail, IReadOnlyList<ConstraintViolation> violations) =>
        Write(context, StatusCodes.Status400BadRequest, "Bad Request", detail, Violations(violations), ConstraintViolationList);

    public static CatalogProblemResult InvalidInput(HttpContext context, string detail) =>
        Write(context, StatusCodes.Status400BadRequest, "Invalid input", detail);

    public static CatalogProblemResult Unauthorized(HttpContext context) =>
        Write(context, StatusCodes.Status401Unauthorized, "Unauthorized", "Full authentication is required to access this resource.");

    public static CatalogProblemResult Forbidden(HttpContext context, string detail, IReadOnlyList<string>? missingPermissions = null)
    {
        JsonObject? extra = missingPermissions is null ? null : new JsonObject { ["missingPermissions"] = new JsonArray(missingPermissions.Select(p => (JsonNode)p).ToArray()) };
        return Write(context, StatusCodes.Status403Forbidden, "Access Denied", detail, extra);
    }

    public static CatalogProblemResult NotFound(HttpContext context, string detail = "Not Found") =>
        Write(context, StatusCodes.Status404NotFound, "Not Found", detail);

    public static CatalogProblemResult Conflict(HttpContext context, string detail, IEnumerable<string> referencedBy) =>
        Write(context, StatusCodes.Status409Conflict, "Conflict", detail,
            new JsonObject { ["referencedBy"] = new JsonArray(referencedBy.Select(r => (JsonNode)r).ToArray()) });

    public static CatalogProblemResult TooLarge(HttpContext context, string detail) =>
        Write(context, StatusCodes.Status413PayloadTooLarge, "Invalid input", detail);

    /// <summary>507: the server has no room left; nothing was kept and a retry may succeed later.</summary>
    public static CatalogProblemResult InsufficientStorage(HttpContext context, string detail) =>
        Write(context, StatusCodes.Status507InsufficientStorage, "Insufficient Storage", detail);

    /// <summary>406: the <c>Accept</c> header allows nothing the catalogue serves.</summary>
    public static CatalogProblemResult NotAcceptable(HttpContext context, string detail) =>
        Write(context, StatusCodes.Status406NotAcceptable, "Not Acceptable", detail);

    public static CatalogProblemResult UnsupportedMediaType(HttpContext context, string detail) =>
        Write(context, StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", detail);

    /// <summary>422: a <c>ConstraintViolationList</c>, API Platform's validation error, one violation per invalid field.</summary>
    public static CatalogProblemResult Unprocessable(HttpContext context, IReadOnlyList<ConstraintViolation> violations) =>
        Write(context, StatusCodes.Status422UnprocessableEntity, "An error occurred",
            string.Join("\n", violations.Select(v => $"{v.PropertyPath}: {v.Message}")), Violations(violations), ConstraintViolationList);

    /// <summary>
    /// Every failure kind has its problem here, with no default: a new kind does not compile until it is mapped.
    /// <paramref name="badRequestTitle"/> is the 400's title (uploads say <c>Invalid input</c>, as the reference does).
    /// </summary>
    public static CatalogProblemResult From(HttpContext context, Failure failure, string badRequestTitle = "Bad Request") => failure.Kind switch
    {
        FailureKind.BadRequest => BadRequest(context, failure.Message, badRequestTitle),
        FailureKind.NotFound => NotFound(context, failure.Message),
        FailureKind.Forbidden => Forbidden(context, failure.Message),
        FailureKind.Conflict => Conflict(context, failure.Message, failure.ReferencedBy),
        FailureKind.Unprocessable => Unprocessable(context, [new("", failure.Message, ViolationCodes.Invalid)]),
        FailureKind.TooLarge => TooLarge(context, failure.Message),
        FailureKind.InsufficientStorage => InsufficientStorage(context, failure.Message),
    };

    /// <summary>
    /// A problem document: the reference's fields (<c>@context</c>, <c>@id</c>, <c>@type</c>, <c>type</c>, <c>title</c>,
    /// <c>status</c>, <c>detail</c>, and <c>instance</c> on 400 and 404) with <c>hydra:title</c> and
    /// <c>hydra:description</c> beside them, as API Platform's JSON-LD error normalizer writes them.
    /// </summary>
    public static CatalogProblemResult Write(HttpContext context, int status, string title, string detail, JsonObject? extra = null, string type = "Error")
    {
        var problem = new JsonObject
        {
            ["@context"] = CatalogJsonLd.Context(type),
            ["@id"] = $"{CatalogIris.Base}/errors/{status}",
            ["@type"] = type == "Error" ? "hydra:Error" : type,
            ["type"] = $"{CatalogIris.Base}/errors/{status}",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (status is StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound)
        {
            problem["instance"] = context.Request.Path.Value;
        }

        problem["hydra:title"] = title;
        problem["hydra:description"] = detail;
        foreach (var (key, value) in extra ?? [])
        {
            problem[key] = value?.DeepClone();
        }

        return new CatalogProblemResult(status, problem);
    }

    private static JsonObject Violations(IReadOnlyList<ConstraintViolation> violations) => new()
    {
        ["violations"] = new JsonArray(violations.Select(v => (JsonNode)new JsonObject
        {
            ["propertyPath"] = v.PropertyPath,
            ["message"] = v.Message,
            ["code"] = v.Code,
        }).ToArray()),
    };
}
