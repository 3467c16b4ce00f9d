using System.Collections.Concurrent;
using MediaVault.Core.Media;
using MediaVault.Server.Hosting.Cors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// The hot path of <c>GET|HEAD /files/{mediaId}</c>, first in the pipeline: a plain request (no range, no conditional
/// header, no variant, no <c>Origin</c> when CORS is configured) for a URL whose answer <see cref="DeliveryLookup"/>
/// remembers, with a genuine signature and a file still in the local store, is answered here with the endpoint's
/// headers and, for small files, bytes kept for the lookup's second. Everything else — a bad or expired signature, a
/// miss, ranges, validators, variants, bucket stores — goes on through the whole pipeline to the endpoint, which
/// answers exactly as before and refills the memory. Only 200 answers are written here, so the error pages, the
/// authentication challenge and the exception handler (a file that vanishes while read falls through too) have
/// nothing to add; CORS would add only <c>Vary: Origin</c> to a request without <c>Origin</c>, which this adds itself.
/// </summary>
public sealed class SignedFileMiddleware(
    RequestDelegate next, MediaUrlSigner signer, DeliveryLookup lookup, DeliveryStorage storage, IOptions<CorsOptions> cors)
{
    private const string Prefix = "/files/";
    private const int MaxKeptBytes = 16 * 1024;
    private const int MaxPrepared = 1024;

    private static readonly string[] Conditional =
        [HeaderNames.Range, HeaderNames.IfRange, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince];

    private readonly bool _corsConfigured =
        cors.Value.AllowedOrigins.Any(o => o == CorsOrigins.Any || CorsOrigins.Normalize(o, out _) is not null);

    // At most MaxPrepared answers of at most MaxKeptBytes each: 16 MiB of file bytes at worst.
    private readonly ConcurrentDictionary<(string MediaId, string Rendition), PreparedDelivery> _prepared = new();

    public Task InvokeAsync(HttpContext context) =>
        TryPrepare(context.Request) is { } prepared ? SendAsync(context, prepared) : next(context);

    private PreparedDelivery? TryPrepare(HttpRequest request)
    {
        var path = request.Path.Value;
        if (storage.LocalFiles is null || path is null || !path.StartsWith(Prefix, StringComparison.Ordinal)
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return null;
        }

        var mediaId = path[Prefix.Length..];
        var headers = request.Headers;
        foreach (var name in Conditional)
        {
            if (headers.ContainsKey(name))
            {
                return null;
            }
        }

        if (_corsConfigured && headers.ContainsKey(HeaderNames.Origin))
        {
            return null;
        }

        string? exp = null, kid = null, sig = null, rendition = null;
        foreach (var (name, value) in request.Query)
        {
            if (value.Count != 1)
            {
                return null;
            }

            switch (name)
            {
                case "exp": exp = value[0]; break;
                case "kid": kid = value[0]; break;
                case "sig": sig = value[0]; break;
                case "r" when !string.IsNullOrEmpty(value[0]): rendition = value[0]; break;
                default: return null;
            }
        }

        if (!MediaId.IsWellFormed(mediaId) || lookup.Recall(mediaId, rendition) is not { } remembered)
        {
            return null;
        }

        var key = (mediaId, rendition ?? "");
        if (_prepared.TryGetValue(key, out var prepared) && ReferenceEquals(prepared.Source, remembered))
        {
            // The signature this answer was last served for needs only its expiry checked again; any other, the HMAC.
            var known = prepared.WasSigned(exp, kid, sig);
            if (!(known ? signer.IsUnexpired(exp) : signer.Verify(mediaId, rendition, exp, kid, sig)) || !File.Exists(prepared.Path))
            {
                return null;
            }

            if (!known)
            {
                prepared.Signed = Tuple.Create(exp, kid, sig);
            }

            return prepared;
        }

        if (!signer.Verify(mediaId, rendition, exp, kid, sig))
        {
            return null;
        }

        prepared = Prepare(remembered);
        if (prepared is not null)
        {
            prepared.Signed = Tuple.Create(exp, kid, sig);
            if (_prepared.Count >= MaxPrepared)
            {
                _prepared.Clear();
            }

            _prepared[key] = prepared;
        }

        return prepared;
    }

    private PreparedDelivery? Prepare(RememberedDelivery remembered)
    {
        var (media, derived) = (remembered.Media, remembered.Rendition);
        var (blob, contentType, etag, lastModified) = DeliveryHeaders.Describe(media, derived);
        if (storage.LocalFiles!.TryGetPath(blob) is not { } file)
        {
            return null;
        }

        long length;
        byte[]? bytes;
        try
        {
            length = new FileInfo(file).Length;
            bytes = length <= MaxKeptBytes ? File.ReadAllBytes(file) : null;
        }
        catch (IOException)
        {
            // Gone or moved since the check: the endpoint finds out and answers.
            return null;
        }

        if (bytes is not null && bytes.Length != length)
        {
            return null;
        }

        return new PreparedDelivery(remembered, file, length, contentType, etag?.ToString(), HeaderUtilities.FormatDate(lastModified),
            DeliveryHeaders.Disposition(media, derived, contentType), bytes);
    }

    private async Task SendAsync(HttpContext context, PreparedDelivery prepared)
    {
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = StatusCodes.Status200OK;
        DeliveryHeaders.Write(headers, prepared.Disposition, MediaUrlSigner.ExpiresAt(context.Request.Query["exp"]));
        response.ContentType = prepared.ContentType;
        response.ContentLength = prepared.Length;
        headers.AcceptRanges = "bytes";
        if (_corsConfigured)
        {
            headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        }

        headers.LastModified = prepared.LastModified;
        if (prepared.ETag is { } etag)
        {
            headers.ETag = etag;
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        if (prepared.Bytes is { } bytes)
        {
            await response.BodyWriter.WriteAsync(bytes, context.RequestAborted);
            return;
        }

        // Ahead of the pipeline's own installation of the large-read file send.
        if (context.Features.Get<IHttpResponseBodyFeature>() is { } body and not FastFileSendFeature)
        {
            context.Features.Set<IHttpResponseBodyFeature>(new FastFileSendFeature(body));
        }

        await response.SendFileAsync(prepared.Path, 0, prepared.Length, context.RequestAborted);
    }
}
