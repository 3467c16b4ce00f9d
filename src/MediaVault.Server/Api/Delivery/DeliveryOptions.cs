using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api.Delivery;

/// <summary>Section <c>Delivery</c>: how signed media URLs are made.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>
    /// HMAC keys, newest first: the first signs, all verify (rotation). When empty, a random key is created once
    /// and kept in <c>{DataPath}/delivery-signing.key</c>; several instances must share configured keys.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Lifetime of URLs for staged (temporary) media.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Delivery:TemporaryUrlLifetime must be between 1 second and 7 days (write a day as 1.00:00:00; 24:00:00 means 24 days)")]
    public TimeSpan TemporaryUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of URLs for permanent media.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Delivery:PermanentUrlLifetime must be between 1 second and 7 days (write a day as 1.00:00:00; 24:00:00 means 24 days)")]
    public TimeSpan PermanentUrlLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Signed URL expiries are rounded up to a multiple of this window (at most a tenth of the lifetime), so URLs signed
    /// within one window are identical and API answers that carry them keep their ETag; a URL may live one window longer
    /// than its lifetime. <c>00:00:00</c> turns rounding off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Delivery:UrlExpiryWindow must be between 0 and 1 day")]
    public TimeSpan UrlExpiryWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Absolute base (scheme, host, optional path) for URLs; when empty, the request's own host is used.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Answer a signed download with a redirect to a presigned bucket URL, so the bucket serves the bytes (ranges and
    /// all). Needs a store that issues presigned URLs (S3); start fails otherwise.
    /// </summary>
    public bool PresignedDownloads { get; set; }
}
