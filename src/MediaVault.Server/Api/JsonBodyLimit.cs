using MediaVault.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api;

/// <summary>Caps a JSON request body at <see cref="RequestLimitsOptions.MaxJsonBodyBytes"/> before it is read.</summary>
public static class JsonBodyLimit
{
    /// <summary>
    /// Sets the server's body limit for this request (Kestrel then stops reading past it) and refuses at once a body
    /// that declares a larger length. Fails with the 413 when it does; <see cref="Done"/> when reading may go ahead.
    /// </summary>
    public static Outcome<Done> Apply(HttpRequest request)
    {
        var max = request.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxJsonBodyBytes;
        if (request.ContentLength > max)
        {
            // Refused before a byte is read. The server discards the unread body after the answer, so a client that
            // writes its whole body before reading still gets this 413 instead of a broken connection.
            return TooLarge(max);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        return Done.Value;
    }

    /// <summary>Whether reading stopped because the body passed the limit set by <see cref="Apply"/>.</summary>
    public static bool IsTooLarge(Exception ex) => ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    public static Failure TooLarge(HttpRequest request) =>
        TooLarge(request.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimitsOptions>>().Value.MaxJsonBodyBytes);

    private static Failure TooLarge(long max) => new(FailureKind.TooLarge, $"Request body is larger than the maximum of {max} bytes");
}
