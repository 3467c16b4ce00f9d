namespace MediaVault.Core.Media;

/// <summary>
/// An audio media's Chromaprint fingerprint (<c>fpcalc -raw</c>): one 32-bit sub-fingerprint per ~0.124 s of the
/// recording, compared across a tenant's media to find the same recording uploaded twice. Deleted with its media.
/// </summary>
public sealed class MediaFingerprint
{
    public required string MediaId { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The sub-fingerprints as little-endian unsigned 32-bit integers, in playing order.</summary>
    public required byte[] Points { get; set; }

    /// <summary>The length of audio fingerprinted, in seconds.</summary>
    public double DurationSeconds { get; set; }

    public DateTime CreatedAt { get; set; }
}
