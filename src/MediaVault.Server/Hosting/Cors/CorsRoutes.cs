using MediaVault.Server.Api.Catalog;
using MediaVault.Server.Api.Uploads.Tus;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Hosting.Cors;

/// <summary>
/// The routes browsers may call from another origin and, per family, the request headers they may send and the answer
/// headers their scripts may read. The web page's own <c>/api</c>, the docs and health stay same-origin.
/// </summary>
public static class CorsRoutes
{
    private static readonly string[] Credentials = [HeaderNames.Authorization, ApiKeyAuthenticationHandler.IdHeader, ApiKeyAuthenticationHandler.KeyHeader];

    private static readonly string[] ApiErrors = [HeaderNames.WWWAuthenticate, HeaderNames.RetryAfter];

    /// <summary>Releases, catalog and library: JSON in and out, conditional requests, the catalog's organization header.</summary>
    public static readonly CorsRoute Api = CorsRoute.Of(
        ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
        [.. Credentials, HeaderNames.ContentType, CatalogAccessFilter.OrganizationHeader, HeaderNames.IfNoneMatch, HeaderNames.IfMatch, HeaderNames.Range],
        [HeaderNames.ETag, HeaderNames.Location, HeaderNames.Link, HeaderNames.ContentDisposition, .. ApiErrors]);

    /// <summary>tus: every protocol header both ways, so tus-js-client (and Uppy on it) can create, resume and finish uploads.</summary>
    public static readonly CorsRoute Tus = CorsRoute.Of(
        ["POST", "HEAD", "PATCH", "DELETE", "OPTIONS"],
        [
            .. Credentials, HeaderNames.ContentType, TusHeaders.Resumable, TusHeaders.UploadLength, TusHeaders.UploadOffset, TusHeaders.UploadMetadata,
            TusHeaders.UploadDeferLength, "Upload-Concat", TusHeaders.UploadChecksum, TusHeaders.MethodOverride,
        ],
        [
            HeaderNames.Location, TusHeaders.UploadOffset, TusHeaders.UploadLength, TusHeaders.UploadDeferLength, TusHeaders.Resumable, TusHeaders.UploadExpires,
            TusHeaders.MediaId, TusHeaders.UploadMetadata, TusHeaders.SupportedVersions, TusHeaders.Extensions, TusHeaders.MaxSize, TusHeaders.ChecksumAlgorithms,
            .. ApiErrors,
        ]);

    /// <summary>Signed delivery URLs: ranges and validators, so players and download managers can seek and resume.</summary>
    public static readonly CorsRoute Files = CorsRoute.Of(
        ["GET", "HEAD"],
        [HeaderNames.Range, HeaderNames.IfRange, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince],
        [HeaderNames.ContentRange, HeaderNames.ContentDisposition, HeaderNames.ETag, HeaderNames.AcceptRanges, HeaderNames.ContentLength, HeaderNames.LastModified]);

    private static readonly (PathString Prefix, CorsRoute Route)[] Families =
    [
        ("/releases", Api),
        (CatalogIris.Base, Api),
        ("/v2/media", Api),
        ("/uploads", Tus),
        ("/files", Files),
    ];

    /// <summary>The family <paramref name="path"/> belongs to, or null when browsers may not call it from another origin.</summary>
    public static CorsRoute? For(PathString path)
    {
        foreach (var (prefix, route) in Families)
        {
            if (path.StartsWithSegments(prefix, StringComparison.Ordinal))
            {
                return route;
            }
        }

        return null;
    }
}
