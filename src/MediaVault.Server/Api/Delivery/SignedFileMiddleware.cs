using System.Collections.Concurrent;
using MediaVault.Core.Media;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// The hot path of <c>GET|HEAD /files/{mediaId}</c>, ahead of routing and authentication: a plain request (no range, no
/// conditional header, no variant) for a URL whose answer <see cref="DeliveryLookup"/> remembers, with a genuine
/// signature and a file still in the local store, is answered here with the endpoint's headers and, for small files,
/// bytes kept for the lookup's second. Everything else — a bad or expired signature, a miss, ranges, validators,
/// variants, bucket stores — goes on to the endpoint, which answers exactly as before and refills the memory.
/// </summary>
public sealed class SignedFileMiddleware(RequestDelegate next, MediaUrlSigner signer, DeliveryLookup lookup, DeliveryStorage storage)
{
    private const string Prefix = "/files/";
    private const int MaxKeptBytes = 16 * 1024;
    private const int MaxPrepared = 1024;

    private static readonly string[] Conditional =
        [HeaderNames.Range, HeaderNames.IfRange, HeaderNames.IfMatch, HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince];

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

        if (!MediaId.IsWellFormed(mediaId) || !signer.Verify(mediaId, rendition, exp, kid, sig) || lookup.Recall(mediaId, rendition) is not { } remembered)
        {
            return null;
        }

        var key = (mediaId, rendition ?? "");
        if (_prepared.TryGetValue(key, out var prepared) && ReferenceEquals(prepared.Source, remembered))
        {
            return File.Exists(prepared.Path) ? prepared : null;
        }

        prepared = Prepare(remembered);
        if (prepared is not null)
        {
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

        var length = new FileInfo(file).Length;
        var bytes = length <= MaxKeptBytes ? File.ReadAllBytes(file) : null;
        if (bytes is not null && bytes.Length != length)
        {
            return null;
        }

        return new PreparedDelivery(remembered, file, length, contentType, etag?.ToString(), HeaderUtilities.FormatDate(lastModified),
            DeliveryHeaders.Disposition(media, derived, contentType), bytes);
    }

    private static async Task SendAsync(HttpContext context, PreparedDelivery prepared)
    {
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = StatusCodes.Status200OK;
        DeliveryHeaders.Write(headers, prepared.Disposition, MediaUrlSigner.ExpiresAt(context.Request.Query["exp"]));
        response.ContentType = prepared.ContentType;
        response.ContentLength = prepared.Length;
        headers.AcceptRanges = "bytes";
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
            await response.Body.WriteAsync(bytes, context.RequestAborted);
            return;
        }

        await response.SendFileAsync(prepared.Path, 0, prepared.Length, context.RequestAborted);
    }
}
