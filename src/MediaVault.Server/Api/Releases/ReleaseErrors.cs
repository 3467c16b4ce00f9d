using MediaVault.Core;

namespace MediaVault.Server.Api.Releases;

/// <summary>The one place the release surface turns an outcome into its error shape and status code.</summary>
public static class ReleaseErrors
{
    public const string InvalidReleaseId = "Invalid release ID";
    public const string ReleaseNotFound = "Release not found";
    public const string TrackNotFound = "Track not found";
    public const string MediaNotFound = "Media not found";
    public const string NotEditable = "Release can only be modified while in draft or rejected status";

    /// <summary>Every failure kind has its status here, with no default: a new kind does not compile until it is mapped.</summary>
    public static ReleaseErrorResult From(Failure failure) => Write(failure.Kind switch
    {
        FailureKind.BadRequest or FailureKind.Unprocessable => StatusCodes.Status400BadRequest,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.InsufficientStorage => StatusCodes.Status507InsufficientStorage,
    }, failure.Message);

    public static ReleaseErrorResult BadRequest(string message) => Write(StatusCodes.Status400BadRequest, message);

    public static ReleaseErrorResult NotFound(string message) => Write(StatusCodes.Status404NotFound, message);

    public static ReleaseErrorResult Unauthorized() => Write(StatusCodes.Status401Unauthorized, "Unauthorized");

    public static ReleaseErrorResult Forbidden(string message) => Write(StatusCodes.Status403Forbidden, message);

    public const string NotReady = "Release is not ready for delivery";

    /// <summary>400 with the problems the tenant's required profile found.</summary>
    public static ReleaseErrorResult NotReadyForDelivery(IReadOnlyList<Readiness.ReadinessProblem> problems) =>
        new(StatusCodes.Status400BadRequest, new ReleaseError("error", NotReady, problems));

    public static ReleaseErrorResult Write(int statusCode, string message) => new(statusCode, ReleaseError.Of(message));
}
