namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// A file of <paramref name="MimeType"/> that starts with <paramref name="Signature"/> needs <paramref name="Demuxer"/>
/// instead of its type's own (an MPEG video elementary stream is stored as <c>video/mpeg</c> like a program stream, but
/// only the <c>mpegvideo</c> demuxer reads it). Decided from the stored file's first bytes when a tool opens it.
/// </summary>
public sealed record HeaderDemuxer(string MimeType, byte[] Signature, string Demuxer);
