using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Api.Catalog;
using MediaVault.Server.Api.Library;
using MediaVault.Server.Api.Releases;
using MediaVault.Server.Api.Uploads.Tus;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Errors raised outside any handler (unhandled exceptions, unmatched routes) in the error shape of the surface the path
/// belongs to. A disk that filled up under the database or storage mid-request is 507, not 500: the client may retry.
/// </summary>
public static partial class ErrorResponses
{
    public const string OutOfSpace = "The server is out of storage space; nothing of this request was kept. Try again later.";

    public static async Task WriteUnhandledAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MediaVault.Errors");
        if (error is not null)
        {
            LogUnhandled(logger, error, context.Request.Method, context.Request.Path);
        }

        if (StorageFullException.IsCause(error) || DatabaseFull.IsCause(error))
        {
            await OutOfSpaceResult(context).ExecuteAsync(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (IsCatalog(context))
        {
            await CatalogProblems.Write(context, StatusCodes.Status500InternalServerError, "Internal Server Error", "An unexpected error occurred.").ExecuteAsync(context);
            return;
        }

        if (context.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { success = false, message = "Internal server error", error = "internal_error" }, context.RequestAborted);
            return;
        }

        await context.Response.WriteAsJsonAsync(new { status = "error", message = "Internal server error" }, context.RequestAborted);
    }

    public static async Task WriteStatusCodeAsync(StatusCodeContext status)
    {
        var response = status.HttpContext.Response;
        if (response.HasStarted || response.ContentLength is > 0)
        {
            return;
        }

        if (IsCatalog(status.HttpContext))
        {
            var title = ReasonPhrases.GetReasonPhrase(response.StatusCode);
            await CatalogProblems.Write(status.HttpContext, response.StatusCode, title, title).ExecuteAsync(status.HttpContext);
            return;
        }

        if (status.HttpContext.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal))
        {
            var reason = ReasonPhrases.GetReasonPhrase(response.StatusCode);
            await response.WriteAsJsonAsync(new { success = false, message = reason, error = reason.ToLowerInvariant().Replace(' ', '_') }, status.HttpContext.RequestAborted);
            return;
        }

        var message = response.StatusCode switch
        {
            StatusCodes.Status404NotFound => "Resource not found",
            StatusCodes.Status405MethodNotAllowed => "Method not allowed",
            StatusCodes.Status400BadRequest => "Invalid request parameters",
            StatusCodes.Status401Unauthorized => "Unauthorized",
            _ => "Request failed",
        };
        await response.WriteAsJsonAsync(new { status = "error", message }, status.HttpContext.RequestAborted);
    }

    private static IResult OutOfSpaceResult(HttpContext context) =>
        IsCatalog(context) ? CatalogProblems.InsufficientStorage(context, OutOfSpace)
        : context.Request.Path.StartsWithSegments("/v2", StringComparison.Ordinal) ? LibraryErrors.InsufficientStorage(OutOfSpace)
        : context.Request.Path.StartsWithSegments("/uploads", StringComparison.Ordinal) ? TusResponses.Error(StatusCodes.Status507InsufficientStorage, OutOfSpace)
        : ReleaseErrors.Write(StatusCodes.Status507InsufficientStorage, OutOfSpace);

    private static bool IsCatalog(HttpContext context) => context.Request.Path.StartsWithSegments(CatalogIris.Base, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
