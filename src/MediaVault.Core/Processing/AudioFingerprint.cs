namespace MediaVault.Core.Processing;

/// <summary>Chromaprint sub-fingerprints (one per ~0.124 s) and the seconds of audio they cover.</summary>
public sealed record AudioFingerprint(IReadOnlyList<uint> Points, double DurationSeconds);
