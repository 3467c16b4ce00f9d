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

        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{baseUrl}/files/{media.Id}?{signer.SignQuery(media.Id, rendition, media.Area)}";
    }
}
