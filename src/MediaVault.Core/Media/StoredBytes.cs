namespace MediaVault.Core.Media;

/// <summary>Bytes stored for an existing media: how many, their SHA-256 (lower-case hex), and what the sniffer saw.</summary>
public sealed record StoredBytes(long Size, string Sha256, SniffResult? Sniffed);
