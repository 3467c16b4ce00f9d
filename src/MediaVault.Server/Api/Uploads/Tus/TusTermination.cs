using MediaVault.Server.Hosting;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>The termination extension: <c>DELETE /uploads/{id}</c> removes the upload and its bytes.</summary>
public static class TusTermination
{
    public static async Task<IResult> DeleteAsync(string id, HttpContext context, TusUploadService uploads, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        if (await uploads.FindAsync(tenantId, id, ct) is not { } upload)
        {
            return TusResponses.NotFound();
        }

        if (TusAccess.Forbidden(context, upload) is { } forbidden)
        {
            return forbidden;
        }

        return await uploads.DeleteAsync(tenantId, id, ct) ? TypedResults.NoContent() : TusResponses.NotFound();
    }
}
