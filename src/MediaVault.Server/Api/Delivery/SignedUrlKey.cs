namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// What a signed URL of <see cref="MediaUrls.For"/> depends on: the base URL's parts (the configured public base URL
/// in <see cref="Scheme"/>, or the request's scheme, host and path base), the media, the rendition and the expiry.
/// The signing key is the first configured one, fixed for the process.
/// </summary>
internal readonly record struct SignedUrlKey(string Scheme, string? Host, string? PathBase, string MediaId, string? Rendition, long Expires);
