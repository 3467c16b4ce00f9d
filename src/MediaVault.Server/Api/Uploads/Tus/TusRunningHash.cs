using System.Security.Cryptography;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>The SHA-256 of an upload's first <see cref="Offset"/> bytes, still open for the next chunk.</summary>
public sealed class TusRunningHash(long offset) : IDisposable
{
    public IncrementalHash Hash { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Offset { get; private set; } = offset;

    public void Advance(long count) => Offset += count;

    /// <summary>The hash of everything appended, as lowercase hex.</summary>
    public string Finish() => Convert.ToHexStringLower(Hash.GetHashAndReset());

    public void Dispose() => Hash.Dispose();
}
