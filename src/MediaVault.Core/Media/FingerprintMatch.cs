namespace MediaVault.Core.Media;

/// <summary>The best alignment of two fingerprints: the share of differing bits, the offset and the overlap (seconds).</summary>
public sealed record FingerprintMatch(double BitErrorRate, double OffsetSeconds, double OverlapSeconds);
