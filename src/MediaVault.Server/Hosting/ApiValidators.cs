using System.Buffers.Text;
using System.Security.Cryptography;
using MediaVault.Server.Api.Catalog;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Validators on API reads: a GET (or HEAD) of a resource or a list is buffered — these answers are small JSON
/// documents — and a 200 gets a weak <c>ETag</c> made from the SHA-256 of its exact JSON bytes, so
/// <c>If-None-Match</c> with that tag answers 304 with no body. The tag is weak because the same JSON is served
/// identity, gzip or Brotli encoded (RFC 9110 §8.8.3). Signed URLs in the JSON keep one expiry per window
/// (<see cref="Api.Delivery.MediaUrlSigner"/>), so two reads in a window give the same bytes and the same tag.
/// Every answer says <c>Cache-Control: private, no-cache</c> (they carry signed URLs: only the caller's own cache
/// keeps them, and revalidates before reuse) and <c>Vary</c> on the request headers that select it.
/// </summary>
public static class ApiValidators
{
    public const string CacheControl = "private, no-cache";

    private static readonly string[] VaryOn =
        [HeaderNames.Accept, HeaderNames.AcceptEncoding, HeaderNames.Authorization, ApiKeyAuthenticationHandler.IdHeader, ApiKeyAuthenticationHandler.KeyHeader];

    public static IApplicationBuilder UseApiValidators(this IApplicationBuilder app) =>
        app.UseWhen(ApiPaths.IsApiRead, branch => branch.Use(BufferAndValidateAsync));

    private static async Task BufferAndValidateAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
            await context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().CompleteAsync();
        }
        finally
        {
            response.Body = original;
        }

        AddVary(context);
        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length > 0 && IsJson(response.ContentType))
        {
            var etag = WeakTag(buffer);
            response.Headers.ETag = etag;
            response.Headers.CacheControl = CacheControl;
            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                // A 304 carries the validators and caching headers a 200 would, and nothing about a body.
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                response.ContentLength = null;
                return;
            }
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, context.RequestAborted);
    }

    private static void AddVary(HttpContext context)
    {
        var headers = context.Response.Headers;
        var present = headers.GetCommaSeparatedValues(HeaderNames.Vary);
        var selectors = context.Request.Path.StartsWithSegments(CatalogIris.Base, StringComparison.Ordinal)
            ? [.. VaryOn, CatalogAccessFilter.OrganizationHeader]
            : VaryOn;
        var missing = selectors.Where(h => !present.Contains(h, StringComparer.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0)
        {
            headers.Vary = StringValues.Concat(headers.Vary, string.Join(", ", missing));
        }
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static string WeakTag(MemoryStream body)
    {
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        return $"W/\"{Base64Url.EncodeToString(hash.AsSpan(0, 16))}\"";
    }

    /// <summary>Weak comparison (RFC 9110 §13.1.2): any listed tag, weak or strong, with the same opaque value, or <c>*</c>.</summary>
    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(ours, useStrongComparison: false));
    }
}
