namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// A remembered answer made ready to send: the file, its header values, and (small files) its bytes. Valid as long as
/// <see cref="Source"/> is the lookup's current memory for the URL and the file is still there.
/// </summary>
public sealed record PreparedDelivery(
    RememberedDelivery Source, string Path, long Length, string ContentType, string? ETag, string LastModified, string Disposition, byte[]? Bytes);
