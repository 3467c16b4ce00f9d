using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// <c>GET|HEAD /files/{mediaId}</c>: serves the bytes behind a signed URL, with ranges, validators and a safe
/// <c>Content-Disposition</c>. The signature is the authorisation; a bad, expired or foreign one is 403 without
/// saying whether the media exists.
/// </summary>
public static class DeliveryEndpoints
{
    private static readonly string[] InlineKinds = ["audio/", "video/", "image/"];

    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/files/{mediaId}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithTags("Delivery")
            .WithSummary("Download a media's bytes through a signed URL")
            .WithDescription("Signed and expiring. Supports Range (206), ETag (the SHA-256), Last-Modified and conditional requests.");
        return routes;
    }

    private static async Task<IResult> ServeAsync(
        string mediaId, string? r, string? exp, string? kid, string? sig,
        HttpContext context, MediaUrlSigner signer, MediaVaultDbContext db, IBlobStore store, CancellationToken cancellationToken)
    {
        if (!MediaId.IsWellFormed(mediaId) || !signer.Verify(mediaId, r, exp, kid, sig))
        {
            return Denied();
        }

        var media = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == mediaId && !m.IsLink, cancellationToken);
        if (media is null || media.State == MediaState.Pending)
        {
            return Denied();
        }

        var key = BlobKey.Original(media.Area, media.TenantId, media.Id);
        var contentType = media.MimeType ?? "application/octet-stream";
        var etag = media.Sha256 is null ? null : new EntityTagHeaderValue($"\"{media.Sha256}\"");
        if (r is not null)
        {
            var rendition = await db.Renditions.AsNoTracking().SingleOrDefaultAsync(x => x.MediaId == media.Id && x.Name == r, cancellationToken);
            if (rendition is null)
            {
                return Denied();
            }

            key = BlobKey.Rendition(media.Area, media.TenantId, media.Id, rendition.Name);
            contentType = rendition.MimeType;
            etag = new EntityTagHeaderValue($"\"{media.Sha256}-{rendition.Name}\"");
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, max-age=300";
        var disposition = new ContentDispositionHeaderValue(InlineKinds.Any(contentType.StartsWith) ? "inline" : "attachment");
        disposition.SetHttpFileName(media.Name);
        headers.ContentDisposition = disposition.ToString();

        var lastModified = new DateTimeOffset(media.UploadedAt ?? media.CreatedAt, TimeSpan.Zero);
        if (store.TryGetLocalPath(key) is { } path)
        {
            return TypedResults.PhysicalFile(path, contentType, lastModified: lastModified, entityTag: etag, enableRangeProcessing: true);
        }

        try
        {
            var stream = await store.OpenReadAsync(key, null, cancellationToken);
            return TypedResults.Stream(stream, contentType, lastModified: lastModified, entityTag: etag, enableRangeProcessing: true);
        }
        catch (BlobNotFoundException)
        {
            return Denied();
        }
    }

    private static IResult Denied() =>
        TypedResults.Json(new { status = "error", message = "This link is invalid or has expired" }, statusCode: StatusCodes.Status403Forbidden);
}
