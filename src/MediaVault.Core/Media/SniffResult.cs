namespace MediaVault.Core.Media;

/// <summary>What a content sniffer recognised: the media kind and its canonical MIME type.</summary>
public sealed record SniffResult(MediaKind Kind, string MimeType);
