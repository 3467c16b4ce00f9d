using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Signs and verifies delivery URLs: HMAC-SHA256 over media id, rendition and expiry, with a key id so that
/// keys can rotate. A URL names the object by media id, never by storage path.
/// </summary>
public sealed class MediaUrlSigner(IOptions<DeliveryOptions> options, TimeProvider clock)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> KeyIds = new(StringComparer.Ordinal);

    /// <summary>The query string (without <c>?</c>) that authorises reading this media or rendition until its expiry.</summary>
    public string SignQuery(string mediaId, string? rendition, StorageArea area, string? variant = null) =>
        SignQuery(mediaId, rendition, ExpiryFor(area), variant);

    /// <summary>The <c>exp</c> a URL signed now for media in <paramref name="area"/> carries (Unix seconds, see <see cref="RoundedExpiry"/>).</summary>
    public long ExpiryFor(StorageArea area)
    {
        var lifetime = area == StorageArea.Permanent ? options.Value.PermanentUrlLifetime : options.Value.TemporaryUrlLifetime;
        return RoundedExpiry(clock.GetUtcNow(), lifetime, options.Value.UrlExpiryWindow);
    }

    /// <summary><see cref="SignQuery(string, string?, StorageArea, string?)"/> with an expiry from <see cref="ExpiryFor"/>.</summary>
    public string SignQuery(string mediaId, string? rendition, long expires, string? variant = null)
    {
        var key = options.Value.SigningKeys[0];
        var query = new StringBuilder();
        if (rendition is not null)
        {
            query.Append("r=").Append(Uri.EscapeDataString(rendition)).Append('&');
        }

        query.Append("exp=").Append(expires.ToString(CultureInfo.InvariantCulture))
            .Append("&kid=").Append(KeyId(key))
            .Append("&sig=").Append(Signature(key, mediaId, Scope(rendition, variant), expires));
        return query.ToString();
    }

    /// <summary>
    /// <c>now + lifetime</c> rounded up to the next multiple of the window (Unix seconds, so every instance agrees): a URL
    /// stays valid at least its lifetime and at most one window longer, and every URL signed within one window is the
    /// same string, so an API answer read twice is byte-identical and its ETag matches. The window is at most a tenth
    /// of the lifetime; under a second, nothing is rounded.
    /// </summary>
    public static long RoundedExpiry(DateTimeOffset now, TimeSpan lifetime, TimeSpan window)
    {
        var expires = now.Add(lifetime).ToUnixTimeSeconds();
        var step = (long)Math.Min(window.TotalSeconds, lifetime.TotalSeconds / 10);
        return step < 1 ? expires : (expires + step - 1) / step * step;
    }

    /// <summary>Whether the signature is genuine, made with a current key, and not expired.</summary>
    public bool Verify(string mediaId, string? rendition, string? expires, string? keyId, string? signature, string? variant = null)
    {
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt)
            || expiresAt < clock.GetUtcNow().ToUnixTimeSeconds() || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var key = options.Value.SigningKeys.FirstOrDefault(k => KeyId(k) == keyId);
        if (key is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(key, mediaId, Scope(rendition, variant), expiresAt));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>Whether a URL's <c>exp</c> (whose signature was verified before) is still in the future.</summary>
    public bool IsUnexpired(string? expires) =>
        long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) && expiresAt >= clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>When the URL expires, from its <c>exp</c> parameter (already verified).</summary>
    public static DateTimeOffset? ExpiresAt(string? expires) =>
        long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private static string? Scope(string? rendition, string? variant) => variant is null ? rendition : $"{rendition}|{variant}";

    /// <summary>The query string authorising one upload of exactly <paramref name="size"/> bytes to a media until <paramref name="expires"/>.</summary>
    public string SignUploadQuery(string mediaId, long size, DateTimeOffset expires)
    {
        var key = options.Value.SigningKeys[0];
        var exp = expires.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"exp={exp}&kid={KeyId(key)}&sig={Signature(key, "upload:" + mediaId, size.ToString(CultureInfo.InvariantCulture), exp)}");
    }

    /// <summary>Whether an upload signature is genuine for this media and size; <paramref name="expired"/> tells an old one from a forged one.</summary>
    public bool VerifyUpload(string mediaId, long size, string? expires, string? keyId, string? signature, out bool expired)
    {
        expired = false;
        if (!long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt) || string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var key = options.Value.SigningKeys.FirstOrDefault(k => KeyId(k) == keyId);
        if (key is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Signature(key, "upload:" + mediaId, size.ToString(CultureInfo.InvariantCulture), expiresAt));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return false;
        }

        expired = expiresAt < clock.GetUtcNow().ToUnixTimeSeconds();
        return !expired;
    }

    /// <summary>A key's public id: the start of its SHA-256, remembered (a list page signs two URLs per item).</summary>
    private static string KeyId(string key) =>
        KeyIds.GetOrAdd(key, k => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(k)))[..8]);

    private static string Signature(string key, string mediaId, string? rendition, long expires)
    {
        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{mediaId}\n{rendition}\n{expires}"));
        return Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), payload));
    }
}
