using MediaVault.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>The termination extension: <c>DELETE /uploads/{id}</c> removes the upload and its bytes.</summary>
public static class TusTermination
{
    public static async Task<Results<NoContent, TusErrorResult>> DeleteAsync(string id, HttpContext context, TusUploadService uploads, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        if (await uploads.FindAsync(tenantId, id, ct) is not { } upload)
        {
            return TusResponses.NotFound();
        }

        var allowed = TusAccess.Check(context, upload);
        if (allowed.Failed)
        {
            return TusResponses.From(allowed.Failure);
        }

        return await uploads.DeleteAsync(tenantId, id, ct) ? TypedResults.NoContent() : TusResponses.NotFound();
    }
}
