using MediaVault.Server.Api.Catalog;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaVault.Server.Hosting;

/// <summary>Errors raised outside any handler (unhandled exceptions, unmatched routes) in the error shape of the surface the path belongs to.</summary>
public static partial class ErrorResponses
{
    public static async Task WriteUnhandledAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MediaVault.Errors");
        if (error is not null)
        {
            LogUnhandled(logger, error, context.Request.Method, context.Request.Path);
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

    private static bool IsCatalog(HttpContext context) => context.Request.Path.StartsWithSegments(CatalogIris.Base, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
