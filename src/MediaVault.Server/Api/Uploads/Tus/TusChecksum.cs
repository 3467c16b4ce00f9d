using System.Security.Cryptography;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>The checksum extension: <c>Upload-Checksum: sha1|sha256 base64digest</c> over one chunk.</summary>
public sealed class TusChecksum : IDisposable
{
    public const string Algorithms = "sha1,sha256";

    private readonly IncrementalHash _hash;
    private readonly byte[] _expected;

    private TusChecksum(IncrementalHash hash, byte[] expected)
    {
        _hash = hash;
        _expected = expected;
    }

    /// <summary>Null header: no checksum. A malformed or unsupported one: <paramref name="error"/> is set.</summary>
    public static TusChecksum? Parse(string? header, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var parts = header.Trim().Split(' ', 2);
        HashAlgorithmName? algorithm = parts[0] switch
        {
            "sha1" => HashAlgorithmName.SHA1,
            "sha256" => HashAlgorithmName.SHA256,
            _ => null,
        };
        if (algorithm is null || parts.Length != 2)
        {
            error = $"Unsupported checksum algorithm; supported: {Algorithms}";
            return null;
        }

        try
        {
            return new TusChecksum(IncrementalHash.CreateHash(algorithm.Value), Convert.FromBase64String(parts[1].Trim()));
        }
        catch (FormatException)
        {
            error = "The checksum is not valid base64";
            return null;
        }
    }

    /// <summary>The running hash of the chunk, fed by the chunk store as it stores the bytes.</summary>
    public IncrementalHash Hash => _hash;

    public bool Matches() => CryptographicOperations.FixedTimeEquals(_hash.GetHashAndReset(), _expected);

    public void Dispose() => _hash.Dispose();
}
