using MediaVault.Core.Media;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>Builds the signed, expiring URLs that every surface hands out for a media's bytes.</summary>
public sealed class MediaUrls(MediaUrlSigner signer, IOptions<DeliveryOptions> options)
{
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

        return $"{BaseUrl(request)}/files/{media.Id}?{signer.SignQuery(media.Id, rendition, media.Area)}";
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
