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

    /// <summary>Absolute base (scheme, host, optional path) for URLs; when empty, the request's own host is used.</summary>
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>
    /// Answer a signed download with a redirect to a presigned bucket URL, so the bucket serves the bytes (ranges and
    /// all). Needs a store that issues presigned URLs (S3); start fails otherwise.
    /// </summary>
    public bool PresignedDownloads { get; set; }
}
