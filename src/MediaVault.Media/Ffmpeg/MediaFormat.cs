using MediaVault.Core.Media;

namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// One audio, video or image type the media tools read: its canonical MIME type, its kind and the only demuxer allowed
/// to open it.
/// </summary>
public sealed record MediaFormat(string MimeType, string Demuxer)
{
    public MediaKind Kind { get; } =
        MimeType.StartsWith("video/", StringComparison.Ordinal) ? MediaKind.Video
        : MimeType.StartsWith("image/", StringComparison.Ordinal) ? MediaKind.Image
        : MediaKind.Audio;
}
