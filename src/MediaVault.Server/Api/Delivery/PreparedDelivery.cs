using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// A remembered answer made ready to send: the file, its header values, and (small files) its bytes. Valid as long as
/// <see cref="Source"/> is the lookup's current memory for the URL and the file is still there.
/// </summary>
public sealed record PreparedDelivery(
    RememberedDelivery Source, string Path, long Length, string ContentType, string? ETag, string LastModified, string Disposition, byte[]? Bytes)
{
    /// <summary>
    /// The last URL query (expiry, key id, signature) whose signature was verified for this answer; one immutable object,
    /// so concurrent requests never see one URL's expiry with another's signature.
    /// </summary>
    public Tuple<string?, string?, string?>? Signed { get; set; }

    /// <summary>Whether these are the parameters last verified (the signature compared in constant time, as the HMAC check does).</summary>
    public bool WasSigned(string? exp, string? kid, string? sig) =>
        Signed is { } signed && signed.Item1 == exp && signed.Item2 == kid && signed.Item3 is { } known && sig is not null
        && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(known.AsSpan()), MemoryMarshal.AsBytes(sig.AsSpan()));
}
