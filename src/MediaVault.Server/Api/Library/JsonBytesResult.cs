namespace MediaVault.Server.Api.Library;

/// <summary>
/// A 200 whose JSON is already serialized: the same status, content type and bytes as <c>TypedResults.Ok</c> of the
/// value they were serialized from, so the validators (ETag), compression and CORS treat it alike.
/// </summary>
public sealed class JsonBytesResult(byte[] body) : IResult
{
    public const string ContentType = "application/json; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
