using MediaVault.Core.Media;

namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// The one table of audio and video types the media tools may read, and of the image types libvips may not decode in
/// process (BMP, JPEG XL: ffmpeg decodes them in its jail, <see cref="FfmpegImageDecoder"/>). It answers both ways: a stored type → the demuxer
/// pinned when a tool opens it (<see cref="FfmpegInput"/>), and a demuxer ffprobe recognised → the type to store
/// (<see cref="Sniffing.FfprobeContentProbe"/>). Only single-file demuxers are listed; hls, concat, image2 and other
/// demuxers that open further files are never in it. For a demuxer with several types, the first of a kind is the one a
/// probe reports when nothing else tells them apart.
/// </summary>
public static class MediaFormats
{
    public static readonly IReadOnlyList<MediaFormat> All =
    [
        new("audio/mpeg", "mp3"),
        new("audio/flac", "flac"),
        new("audio/wav", "wav"),
        new("audio/aiff", "aiff"),
        new("audio/aac", "aac"),
        new("audio/ogg", "ogg"),
        new("video/ogg", "ogg"),
        new("audio/mp4", "mov"),
        new("video/mp4", "mov"),
        new("audio/quicktime", "mov"),
        new("video/quicktime", "mov"),
        new("audio/3gpp", "mov"),
        new("video/3gpp", "mov"),
        new("audio/3gpp2", "mov"),
        new("video/3gpp2", "mov"),
        new("audio/x-matroska", "matroska"),
        new("video/x-matroska", "matroska"),
        new("audio/webm", "matroska"),
        new("video/webm", "matroska"),
        new("video/x-msvideo", "avi"),
        new("audio/x-msvideo", "avi"),
        new("audio/basic", "au"),
        new("video/mpeg", "mpeg"),
        new("video/x-flv", "flv"),
        new("video/mp2t", "mpegts"),
        new("audio/x-caf", "caf"),
        new("audio/x-wavpack", "wv"),
        new("audio/ac3", "ac3"),
        new("audio/eac3", "eac3"),
        new("audio/amr", "amr"),
        new("audio/amr-wb", "amr"),
        new("image/bmp", "bmp_pipe"),
        new("image/jxl", "jpegxl_pipe"),
    ];

    /// <summary>
    /// Files of a listed type whose first bytes call for another single-file demuxer than their row's. An MPEG-1/2 video
    /// elementary stream (a sequence header, <c>00 00 01 B3</c>) is <c>video/mpeg</c> for clients like a program stream
    /// (a pack header, <c>00 00 01 BA</c>), but the <c>mpeg</c> demuxer finds no stream in it.
    /// </summary>
    public static readonly IReadOnlyList<HeaderDemuxer> ByHeader =
    [
        new("video/mpeg", [0x00, 0x00, 0x01, 0xB3], "mpegvideo"),
    ];

    private static readonly Dictionary<string, MediaFormat> ByMimeType = All.ToDictionary(f => f.MimeType, StringComparer.Ordinal);

    /// <summary>Every demuxer a tool may use, each once, in table order.</summary>
    public static readonly IReadOnlyList<string> Demuxers =
        All.Select(f => f.Demuxer).Concat(ByHeader.Select(h => h.Demuxer)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The format of a stored (canonical) MIME type, or null when no tool may read it.</summary>
    public static MediaFormat? ForMimeType(string mimeType) => ByMimeType.GetValueOrDefault(mimeType);

    /// <summary>
    /// The type to store for what ffprobe recognised: <paramref name="formatName"/> as it prints it (<c>mov,mp4,m4a,…</c>:
    /// the demuxer's name list, whose first entry is the demuxer), with <paramref name="kind"/> from its streams. When
    /// the leading bytes already named a type of the same demuxer (<paramref name="hint"/>, e.g. <c>video/webm</c>), the
    /// same family is kept (<c>audio/webm</c>). Null when the table has no such demuxer and kind (an image demuxer never
    /// matches the audio or video kind a probe reports: images are recognised by their leading bytes only).
    /// </summary>
    public static MediaFormat? ForProbe(string formatName, MediaKind kind, string? hint)
    {
        var demuxer = formatName.Split(',', 2)[0].Trim();
        if (hint is not null && ForMimeType(hint) is { } hinted && hinted.Demuxer == demuxer)
        {
            var sibling = ForMimeType(KindPrefix(kind) + hint[(hint.IndexOf('/', StringComparison.Ordinal) + 1)..]);
            if (sibling is not null && sibling.Demuxer == demuxer)
            {
                return sibling;
            }
        }

        return All.FirstOrDefault(f => f.Demuxer == demuxer && f.Kind == kind)
            ?? ByHeader.Where(h => h.Demuxer == demuxer).Select(h => ForMimeType(h.MimeType)).FirstOrDefault(f => f?.Kind == kind);
    }

    /// <summary>
    /// The demuxer for a stored file of <paramref name="format"/>: its row's, or a <see cref="ByHeader"/> one when the
    /// file's first bytes (<paramref name="header"/>) call for it.
    /// </summary>
    public static string DemuxerFor(MediaFormat format, ReadOnlySpan<byte> header)
    {
        foreach (var alternative in ByHeader)
        {
            if (alternative.MimeType == format.MimeType && header.StartsWith(alternative.Signature))
            {
                return alternative.Demuxer;
            }
        }

        return format.Demuxer;
    }

    private static string KindPrefix(MediaKind kind) => kind == MediaKind.Video ? "video/" : "audio/";
}
