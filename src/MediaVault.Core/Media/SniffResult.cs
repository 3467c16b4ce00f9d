namespace MediaVault.Core.Media;

/// <summary>
/// What a content sniffer recognised: the media kind and its canonical MIME type. <paramref name="NeedsStreams"/> says
/// the container is known but whether it holds video or only audio depends on its streams (MP4, Matroska/WebM), so the
/// complete file is probed (<see cref="IContentProbe"/>) before it is stored.
/// </summary>
public sealed record SniffResult(MediaKind Kind, string MimeType, bool NeedsStreams = false);
