using MediaVault.Server.Hosting;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>The termination extension: <c>DELETE /uploads/{id}</c> removes the upload and its bytes.</summary>
public static class TusTermination
{
    public static async Task<IResult> DeleteAsync(string id, HttpContext context, TusUploadService uploads, CancellationToken ct) =>
        await uploads.DeleteAsync(RequestTenant.Of(context).Id, id, ct)
            ? TypedResults.NoContent()
            : TusResponses.NotFound();
}
