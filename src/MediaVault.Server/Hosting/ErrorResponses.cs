using Microsoft.AspNetCore.Diagnostics;

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
        await context.Response.WriteAsJsonAsync(new { status = "error", message = "Internal server error" }, context.RequestAborted);
    }

    public static async Task WriteStatusCodeAsync(StatusCodeContext status)
    {
        var response = status.HttpContext.Response;
        if (response.HasStarted || response.ContentLength is > 0)
        {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
