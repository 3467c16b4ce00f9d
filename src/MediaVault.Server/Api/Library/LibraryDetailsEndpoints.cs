using MediaVault.Server.Api.Library.Compatibility;
using MediaVault.Server.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Library;

/// <summary><c>PATCH /v2/media/{id}</c> with a JSON body: the media's details and archived flag (without a body the same route confirms an upload).</summary>
public static class LibraryDetailsEndpoints
{
    /// <summary>Whether a request carries a body: a non-zero Content-Length or a chunked one. The reference's confirm sends none.</summary>
    public static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;

    public static async Task<Results<Ok<LibraryMediaView>, LibraryErrorResult>> UpdateAsync(
        string mediaId, HttpContext context, LibraryDetailsService details, LibraryViews views, LibraryCompatibilityService compatibility, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<UpdateMediaRequest>(context.Request, ct);
        if (body.Failed)
        {
            return LibraryErrors.From(body.Failure);
        }

        var updated = await details.UpdateAsync(RequestTenant.Of(context).Id, mediaId, body.Value, ct);
        if (updated.Failed)
        {
            return LibraryErrors.From(updated.Failure);
        }

        return TypedResults.Ok(await compatibility.WithConformedAsync(context.Request, updated.Value, views.Media(context.Request, updated.Value), ct));
    }
}
