using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using Microsoft.Net.Http.Headers;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// <c>GET|HEAD /files/{mediaId}</c>: serves the bytes behind a signed URL with ranges, validators and a safe
/// <c>Content-Disposition</c>; <c>?w=&amp;h=&amp;fit=&amp;format=&amp;q=</c> (signed) or <c>?preset=</c> (on a signed original
/// URL) serve an image variant made once and cached. A bad, expired or revoked signature is 403 without saying
/// whether the media exists.
/// </summary>
public static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/files/{mediaId}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithTags("Delivery").WithSurface(ApiSurface.Delivery).WithName("downloadFile")
            .WithQuery("exp", "Expiry (Unix seconds), signed", integer: true).WithQuery("kid", "Signing key id").WithQuery("sig", "Signature")
            .WithQuery("r", "Rendition name").WithQuery("w", "Variant width", integer: true).WithQuery("h", "Variant height", integer: true)
            .WithQuery("fit", "Variant fit").WithQuery("format", "Variant format").WithQuery("q", "Variant quality", integer: true).WithQuery("preset", "A named variant")
            .WithHeader("Range", required: false, "bytes=… (several ranges: the first one is served)").WithHeader("If-Range", required: false, "ETag or date")
            .WithHeader("If-None-Match", required: false, "ETag").WithHeader("If-Modified-Since", required: false, "HTTP date")
            .WithHeader("If-Match", required: false, "ETag").WithHeader("If-Unmodified-Since", required: false, "HTTP date")
            .ProducesRaw(StatusCodes.Status200OK, "*/*", "The bytes, with their own Content-Type", "ETag", "Last-Modified", "Accept-Ranges", "Content-Disposition")
            .ProducesRaw(StatusCodes.Status206PartialContent, "*/*", "The requested range", "Content-Range", "ETag")
            .ProducesRaw(StatusCodes.Status304NotModified, null, "Not modified", "ETag")
            .ProducesRaw(StatusCodes.Status302Found, null, "With Delivery:PresignedDownloads on a bucket store: the bucket's presigned URL for the same bytes", "Location")
            .ProducesErrors(StatusCodes.Status412PreconditionFailed, StatusCodes.Status416RangeNotSatisfiable)
            .WithSummary("Download a media's bytes, a rendition or an image variant through a signed URL")
            .WithDescription("Signed and expiring. Range (206/416, If-Range; a multi-range request gets its first range only, never the whole file), strong ETag (the SHA-256), Last-Modified, If-None-Match/If-Modified-Since (304), If-Match/If-Unmodified-Since (412), HEAD. Presets usable on any signed original URL: " + string.Join(", ", ImageVariant.Presets.Keys) + ".");
        return routes;
    }

    private static async Task<Results<PhysicalFileHttpResult, FileStreamHttpResult, RedirectHttpResult, DeliveryErrorResult>> ServeAsync(
        string mediaId, HttpContext context, MediaUrlSigner signer, IBlobStore store, ImageVariantService variants, DeliveryLookup lookup, DeliveryStorage storage,
        CancellationToken cancellationToken)
    {
        NormalizeRange(context.Request);
        var query = context.Request.Query;
        string? Q(string name) => query[name].FirstOrDefault();
        var (rendition, exp, kid, sig, preset) = (Q("r"), Q("exp"), Q("kid"), Q("sig"), Q("preset"));
        var parsed = ImageVariant.Parse(Q("w"), Q("h"), Q("fit"), Q("format"), Q("q"));
        if (parsed.Failure is { } invalid)
        {
            return Error(StatusCodes.Status400BadRequest, invalid.Message);
        }

        var variant = parsed.Value;
        if (!MediaId.IsWellFormed(mediaId) || !signer.Verify(mediaId, rendition, exp, kid, sig, variant?.Canonical))
        {
            return Denied();
        }

        if (preset is not null)
        {
            if (variant is not null || rendition is not null || !ImageVariant.Presets.TryGetValue(preset, out variant))
            {
                return Error(StatusCodes.Status400BadRequest, $"preset must be one of {string.Join(", ", ImageVariant.Presets.Keys)}, on an original's URL");
            }
        }

        // The URL names the original, one rendition, or a variant — which, once made, is a rendition like any other,
        // so the same remembered lookup serves it. Otherwise a variant's one database read is the variant service's
        // (made or not, with what making it needs), remembered like the lookup's own.
        var named = variant is not null ? variant.RenditionName : rendition;
        var found = variant is null
            ? await FindAsync(lookup, storage.LocalFiles, mediaId, named, cancellationToken)
            : Recall(lookup, storage.LocalFiles, mediaId, named);
        if (found is null && variant is not null)
        {
            var made = await variants.GetOrCreateAsync(mediaId, variant, preset is not null, cancellationToken);
            if (made.Failed)
            {
                return made.Failure.Kind == FailureKind.NotFound ? Denied() : Error(StatusCodes.Status400BadRequest, made.Failure.Message);
            }

            if (storage.LocalFiles is not null)
            {
                lookup.Remember(mediaId, named, made.Value.Media, made.Value.Rendition);
            }

            found = (made.Value.Media, made.Value.Rendition, false);
        }

        if (found is not { } answer)
        {
            return Denied();
        }

        var (media, derived) = (answer.Media, answer.Rendition);
        var (key, contentType, etag, lastModified) = DeliveryHeaders.Describe(media, derived);
        DeliveryHeaders.Write(context.Response.Headers, DeliveryHeaders.Disposition(media, derived, contentType), MediaUrlSigner.ExpiresAt(exp));
        if (storage.LocalFiles?.TryGetPath(key) is { } path)
        {
            return TypedResults.PhysicalFile(path, contentType, lastModified: lastModified, entityTag: etag, enableRangeProcessing: true);
        }

        if (storage.PresignedDownloads is { } presigned)
        {
            // Configured (Delivery:PresignedDownloads): the bucket serves the bytes, ranges and all.
            return TypedResults.Redirect(presigned.PresignGet(key, contentType, media.Name).ToString());
        }

        var info = await store.GetInfoAsync(key, cancellationToken);
        if (info is null)
        {
            return Denied();
        }

        var stream = new SeekableBlobStream(store, key, info.Size);
        return TypedResults.Stream(stream, contentType, lastModified: lastModified, entityTag: etag, enableRangeProcessing: true);
    }

    /// <summary>
    /// The lookup, asked again from the database when a remembered answer's file has gone. Answers are remembered only
    /// where the store keeps local files, whose existence is cheap to check.
    /// </summary>
    private static async Task<(MediaItem Media, MediaRendition? Rendition, bool Remembered)?> FindAsync(
        DeliveryLookup lookup, ILocalFiles? localFiles, string mediaId, string? rendition, CancellationToken cancellationToken)
    {
        var remember = localFiles is not null;
        var found = await lookup.FindAsync(mediaId, rendition, remember, cancellationToken);
        if (found is { Remembered: true } && !StillStored(localFiles!, found.Value.Media, found.Value.Rendition))
        {
            lookup.Forget(mediaId, rendition);
            found = await lookup.FindAsync(mediaId, rendition, remember, cancellationToken);
        }

        return found;
    }

    /// <summary>The remembered answer while fresh and its file still stored (local stores only), without the database.</summary>
    private static (MediaItem Media, MediaRendition? Rendition, bool Remembered)? Recall(DeliveryLookup lookup, ILocalFiles? localFiles, string mediaId, string? rendition)
    {
        if (localFiles is null || lookup.Recall(mediaId, rendition) is not { } remembered)
        {
            return null;
        }

        if (!StillStored(localFiles, remembered.Media, remembered.Rendition))
        {
            lookup.Forget(mediaId, rendition);
            return null;
        }

        return (remembered.Media, remembered.Rendition, true);
    }

    /// <summary>Whether a remembered answer's file is still where it says.</summary>
    private static bool StillStored(ILocalFiles localFiles, MediaItem media, MediaRendition? rendition)
    {
        var key = rendition is null
            ? BlobKey.Original(media.Area, media.TenantId, media.Id)
            : BlobKey.Rendition(media.Area, media.TenantId, media.Id, rendition.Name);
        return localFiles.TryGetPath(key) is not null;
    }

    /// <summary>
    /// Only the <c>bytes</c> unit is defined for these resources: a Range in any other unit (<c>items=0-10</c>) is
    /// ignored, as RFC 9110 §14.2 asks, so the whole body is served with 200 instead of a byte slice. A multi-range
    /// request (<c>bytes=0-0,-1</c>) is answered with its first range only, a plain 206 with <c>Content-Range</c>
    /// (RFC 9110 §14.2 lets a server serve fewer ranges than asked): the framework would otherwise ignore the header and
    /// send the whole file, gigabytes for two bytes. Clients read what they got from <c>Content-Range</c>.
    /// </summary>
    private static void NormalizeRange(HttpRequest request)
    {
        var range = request.Headers.Range;
        if (range.Count == 0)
        {
            return;
        }

        if (!(range.Count == 1 && RangeHeaderValue.TryParse(range.ToString(), out var parsed)
                && parsed.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) && parsed.Ranges.Count > 0))
        {
            request.Headers.Remove(HeaderNames.Range);
            return;
        }

        if (parsed.Ranges.Count > 1)
        {
            request.Headers.Range = $"bytes={parsed.Ranges.First()}";
        }
    }

    private static DeliveryErrorResult Denied() => Error(StatusCodes.Status403Forbidden, "This link is invalid or has expired");

    private static DeliveryErrorResult Error(int status, string message) => new(status, new DeliveryError("error", message));
}
