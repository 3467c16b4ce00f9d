using System.Globalization;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// What a delivery answer says about the bytes it sends — which blob, its type and validators, and the safety headers —
/// shared by the endpoint and <see cref="SignedFileMiddleware"/>, so both answer with the same headers.
/// </summary>
public static class DeliveryHeaders
{
    private const string SandboxPolicy = "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

    /// <summary>The blob, type, strong ETag (null when the media has no hash yet) and Last-Modified of the original or a rendition.</summary>
    public static (BlobKey Key, string ContentType, EntityTagHeaderValue? ETag, DateTimeOffset LastModified) Describe(MediaItem media, MediaRendition? derived) =>
        derived is null
            ? (BlobKey.Original(media.Area, media.TenantId, media.Id), media.MimeType ?? "application/octet-stream",
                media.Sha256 is null ? null : new EntityTagHeaderValue($"\"{media.Sha256}\""), new DateTimeOffset(media.UploadedAt ?? media.CreatedAt, TimeSpan.Zero))
            : (BlobKey.Rendition(media.Area, media.TenantId, media.Id, derived.Name), derived.MimeType,
                new EntityTagHeaderValue($"\"{media.Sha256}-{derived.Name}\""), new DateTimeOffset(derived.CreatedAt, TimeSpan.Zero));

    /// <summary>Inline for images, audio and video (never SVG or XML, which could script), else an attachment; the file name is the media's.</summary>
    public static string Disposition(MediaItem media, MediaRendition? derived, string contentType)
    {
        var inline = (contentType.StartsWith("image/", StringComparison.Ordinal) || contentType.StartsWith("audio/", StringComparison.Ordinal)
                || contentType.StartsWith("video/", StringComparison.Ordinal))
            && !contentType.Contains("svg", StringComparison.Ordinal) && !contentType.Contains("xml", StringComparison.Ordinal);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(derived is null ? media.Name : $"{Path.GetFileNameWithoutExtension(media.Name)}-{derived.Name}");
        return disposition.ToString();
    }

    /// <summary><c>nosniff</c>, the sandboxing CSP, private caching for at most what is left of the URL's life (and a day), and the disposition.</summary>
    public static void Write(IHeaderDictionary headers, string disposition, DateTimeOffset? expires)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = SandboxPolicy;
        var remaining = expires is { } until ? (long)Math.Max(0, (until - DateTimeOffset.UtcNow).TotalSeconds) : 0;
        headers.CacheControl = string.Create(CultureInfo.InvariantCulture, $"private, max-age={Math.Min(remaining, 86400)}");
        headers.ContentDisposition = disposition;
    }
}
