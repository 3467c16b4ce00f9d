using System.Text.Json;
using MediaVault.Core;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api;

/// <summary>
/// Reads a JSON request body so that a malformed one becomes a <see cref="Failure"/> each surface can render; a body
/// past <see cref="RequestLimitsOptions.MaxJsonBodyBytes"/> is a <see cref="FailureKind.TooLarge"/> failure, found while reading.
/// </summary>
public static class JsonBody
{
    public static async Task<Outcome<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return Failure.BadRequest("Request body must be JSON (Content-Type: application/json)");
        }

        var limited = JsonBodyLimit.Apply(request);
        if (limited.Failed)
        {
            return limited.Failure;
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return value is null ? Failure.BadRequest("Request body is empty") : value;
        }
        catch (JsonException ex)
        {
            return Failure.BadRequest($"Invalid JSON body: {ex.Message}");
        }
        catch (BadHttpRequestException ex) when (JsonBodyLimit.IsTooLarge(ex))
        {
            return JsonBodyLimit.TooLarge(request);
        }
    }
}
