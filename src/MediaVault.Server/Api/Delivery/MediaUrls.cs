using System.Collections.Concurrent;
using MediaVault.Core.Media;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Builds the signed, expiring URLs that every surface hands out for a media's bytes. Every URL signed within one
/// expiry window is the same string (<see cref="MediaUrlSigner.RoundedExpiry"/>), so the URLs of originals and
/// renditions are made once per window and reused: a list page would otherwise compute two HMACs and build two
/// strings per item on every request.
/// </summary>
public sealed class MediaUrls(MediaUrlSigner signer, IOptions<DeliveryOptions> options)
{
    /// <summary>Past this many remembered URLs (about 300 bytes each) the memory starts afresh.</summary>
    private const int Capacity = 20_000;

    private readonly ConcurrentDictionary<SignedUrlKey, string> signed = new();

    /// <summary>The URL of the original (or of a rendition); for links, the submitted URL itself.</summary>
    public string? For(HttpRequest request, MediaItem media, string? rendition = null)
    {
        if (media.IsLink)
        {
            return media.LinkUrl;
        }

        if (media.State == MediaState.Pending)
        {
            return null;
        }

        var configured = options.Value.PublicBaseUrl is { Length: > 0 } publicBase ? publicBase : null;
        var key = new SignedUrlKey(configured ?? request.Scheme, configured is null ? request.Host.Value : null, request.PathBase.Value, media.Id, rendition, signer.ExpiryFor(media.Area));
        if (signed.TryGetValue(key, out var url))
        {
            return url;
        }

        url = $"{BaseUrl(request)}/files/{media.Id}?{signer.SignQuery(media.Id, rendition, key.Expires)}";
        if (signed.Count >= Capacity)
        {
            signed.Clear();
        }

        signed.TryAdd(key, url);
        return url;
    }

    /// <summary>A signed URL for an on-the-fly variant of an image; its parameters are covered by the signature.</summary>
    public string ForVariant(HttpRequest request, MediaItem media, ImageVariant variant) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{BaseUrl(request)}/files/{media.Id}?w={variant.Width}&h={variant.Height}&fit={variant.Fit}&format={variant.Format}&q={variant.Quality}&{signer.SignQuery(media.Id, null, media.Area, variant.Canonical)}")
            .Replace("w=&", "", StringComparison.Ordinal).Replace("h=&", "", StringComparison.Ordinal);

    private string BaseUrl(HttpRequest request) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
