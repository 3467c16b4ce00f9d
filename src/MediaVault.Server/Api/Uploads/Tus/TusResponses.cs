using System.Globalization;
using MediaVault.Core;
using MediaVault.Core.Uploads;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>The tus surface's answers: status, protocol headers and a plain-text message (what tus clients show).</summary>
public static class TusResponses
{
    public static TusErrorResult Error(int status, string message) => new(status, message);

    /// <summary>Every failure kind has its status here, with no default: a new kind does not compile until it is mapped.</summary>
    public static TusErrorResult From(Failure failure) => Error(failure.Kind switch
    {
        FailureKind.BadRequest or FailureKind.Unprocessable => StatusCodes.Status400BadRequest,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.InsufficientStorage => StatusCodes.Status507InsufficientStorage,
    }, failure.Message);

    public static TusErrorResult NotFound() => Error(StatusCodes.Status404NotFound, "Upload not found");

    /// <summary>507: no room for the chunk; the offset stays at the last acknowledged byte and a retry may succeed later.</summary>
    public static TusErrorResult InsufficientStorage() =>
        Error(StatusCodes.Status507InsufficientStorage, "The server is out of storage space; the chunk was not kept. Resume from Upload-Offset later.");

    /// <summary>Upload-Offset, Upload-Expires and, once finished, the media id.</summary>
    public static void WriteState(HttpResponse response, TusUpload upload)
    {
        response.Headers[TusHeaders.UploadOffset] = upload.Offset.ToString(CultureInfo.InvariantCulture);
        response.Headers[TusHeaders.UploadExpires] = upload.ExpiresAt.ToString("R", CultureInfo.InvariantCulture);
        if (upload.MediaId is not null)
        {
            response.Headers[TusHeaders.MediaId] = upload.MediaId;
        }
    }
}
