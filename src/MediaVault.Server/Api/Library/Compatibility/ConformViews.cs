namespace MediaVault.Server.Api.Library.Compatibility;

/// <summary>Body of <c>POST /v2/media/{id}/conform</c> <c>{network, placement, fit?, trim?}</c>.</summary>
public sealed record ConformRequest(string? Network, string? Placement, string? Fit, bool? Trim);

/// <summary>Answer of <c>POST /v2/media/{id}/conform</c>.</summary>
public sealed record ConformAnswer(bool Success, string Message, ConformedView Data);

/// <summary>
/// A conformed rendition: <c>status</c> PROCESSING, SUCCESS (then <c>path</c> is a signed, expiring URL of the file)
/// or ERROR (then <c>reason</c> says why in a sentence). <c>specs</c> describes the file once it is made.
/// </summary>
public sealed record ConformedView(string Network, string Placement, string Profile, string Fit, bool Trim, string Status, string? Path, string? Reason, ConformedSpecs? Specs);

/// <summary>The conformed file: pixel size, duration in seconds (null for images), size in bytes and MIME type.</summary>
public sealed record ConformedSpecs(int? Width, int? Height, double? Duration, long? FileSizeBytes, string? Type);
