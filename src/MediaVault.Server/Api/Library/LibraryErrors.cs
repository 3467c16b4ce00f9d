using MediaVault.Core;

namespace MediaVault.Server.Api.Library;

/// <summary>The one place the library surface writes errors.</summary>
public static class LibraryErrors
{
    public static IResult Unauthorized() => Write(StatusCodes.Status401Unauthorized, "Invalid or missing API credentials", "unauthorized");

    public static IResult Forbidden(string message) => Write(StatusCodes.Status403Forbidden, message, "forbidden");

    public static IResult NotFound() => Write(StatusCodes.Status404NotFound, "Media not found", "not_found");

    public static IResult Validation(string message) => Write(StatusCodes.Status400BadRequest, message, "validation_error");

    public static IResult Conflict(string message, string code = "conflict") => Write(StatusCodes.Status409Conflict, message, code);

    public static IResult TooLarge(string message) => Write(StatusCodes.Status413PayloadTooLarge, message, "payload_too_large");

    /// <summary>507: the server has no room left; nothing was kept and the upload URL may be used again later.</summary>
    public static IResult InsufficientStorage(string message) => Write(StatusCodes.Status507InsufficientStorage, message, "insufficient_storage");

    public static IResult InvalidSignature() => Write(StatusCodes.Status403Forbidden, "The upload URL is invalid or has expired", "invalid_upload_url");

    /// <summary>
    /// Every failure kind has its answer here, with no default: a new kind does not compile until it is mapped.
    /// <paramref name="conflictCode"/> is the 409's code (each conflict of the library has its own).
    /// </summary>
    public static IResult From(Failure failure, string conflictCode = "conflict") => failure.Kind switch
    {
        FailureKind.BadRequest or FailureKind.Unprocessable => Validation(failure.Message),
        FailureKind.NotFound => Write(StatusCodes.Status404NotFound, failure.Message, "not_found"),
        FailureKind.Forbidden => Forbidden(failure.Message),
        FailureKind.Conflict => Conflict(failure.Message, conflictCode),
        FailureKind.TooLarge => TooLarge(failure.Message),
        FailureKind.InsufficientStorage => InsufficientStorage(failure.Message),
    };

    /// <summary>The <c>error</c> code <see cref="From"/> answers for <paramref name="failure"/> (a bulk action reports it per id).</summary>
    public static string Code(Failure failure) => failure.Kind switch
    {
        FailureKind.BadRequest or FailureKind.Unprocessable => "validation_error",
        FailureKind.NotFound => "not_found",
        FailureKind.Forbidden => "forbidden",
        FailureKind.Conflict => "conflict",
        FailureKind.TooLarge => "payload_too_large",
        FailureKind.InsufficientStorage => "insufficient_storage",
    };

    public static IResult Write(int status, string message, string code) => TypedResults.Json(new LibraryError(false, message, code), statusCode: status);
}
