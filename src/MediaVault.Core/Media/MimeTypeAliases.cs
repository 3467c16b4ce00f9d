namespace MediaVault.Core.Media;

/// <summary>
/// The names clients and browsers use for the media types MediaVault stores, mapped to the one name the sniffer
/// reports (Chromium says <c>video/matroska</c> for .mkv, Windows <c>audio/x-wav</c> for .wav…). A declared type is
/// only a hint: what is stored is decided by the content.
/// </summary>
public static class MimeTypeAliases
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["audio/mp3"] = "audio/mpeg",
        ["audio/x-mp3"] = "audio/mpeg",
        ["audio/mpeg3"] = "audio/mpeg",
        ["audio/x-mpeg"] = "audio/mpeg",
        ["audio/mpg"] = "audio/mpeg",
        ["audio/x-wav"] = "audio/wav",
        ["audio/wave"] = "audio/wav",
        ["audio/vnd.wave"] = "audio/wav",
        ["audio/x-pn-wav"] = "audio/wav",
        ["audio/x-flac"] = "audio/flac",
        ["audio/x-aiff"] = "audio/aiff",
        ["audio/aif"] = "audio/aiff",
        ["audio/x-aifc"] = "audio/aiff",
        ["audio/x-ogg"] = "audio/ogg",
        ["audio/vorbis"] = "audio/ogg",
        ["audio/opus"] = "audio/ogg",
        ["application/ogg"] = "audio/ogg",
        ["audio/x-aac"] = "audio/aac",
        ["audio/aacp"] = "audio/aac",
        ["audio/x-m4a"] = "audio/mp4",
        ["audio/m4a"] = "audio/mp4",
        ["audio/x-m4b"] = "audio/mp4",
        ["audio/au"] = "audio/basic",
        ["audio/x-au"] = "audio/basic",
        ["audio/caf"] = "audio/x-caf",
        ["audio/wavpack"] = "audio/x-wavpack",
        ["audio/x-ac3"] = "audio/ac3",
        ["audio/vnd.dolby.dd-raw"] = "audio/ac3",
        ["audio/x-eac3"] = "audio/eac3",
        ["audio/x-amr"] = "audio/amr",
        ["audio/matroska"] = "audio/x-matroska",
        ["audio/x-mka"] = "audio/x-matroska",
        ["video/mpg"] = "video/mpeg",
        ["video/x-mpeg"] = "video/mpeg",
        ["video/x-mpg"] = "video/mpeg",
        ["video/mp2p"] = "video/mpeg",
        ["video/mpeg2"] = "video/mpeg",
        ["video/dvd"] = "video/mpeg",
        ["video/mpv"] = "video/mpeg",
        ["video/x-m1v"] = "video/mpeg",
        ["video/x-m2v"] = "video/mpeg",
        ["video/flv"] = "video/x-flv",
        ["application/x-flash-video"] = "video/x-flv",
        ["video/vnd.dlna.mpeg-tts"] = "video/mp2t",
        ["video/mpegts"] = "video/mp2t",
        ["video/x-mpegts"] = "video/mp2t",
        ["video/3gp"] = "video/3gpp",
        ["audio/3gp"] = "audio/3gpp",
        ["image/x-jxl"] = "image/jxl",
        ["video/matroska"] = "video/x-matroska",
        ["video/mkv"] = "video/x-matroska",
        ["video/x-mkv"] = "video/x-matroska",
        ["video/avi"] = "video/x-msvideo",
        ["video/msvideo"] = "video/x-msvideo",
        ["video/x-avi"] = "video/x-msvideo",
        ["video/x-m4v"] = "video/mp4",
        ["video/x-quicktime"] = "video/quicktime",
        ["video/x-ogg"] = "video/ogg",
        ["image/jpg"] = "image/jpeg",
        ["image/pjpeg"] = "image/jpeg",
        ["image/x-png"] = "image/png",
        ["image/x-tiff"] = "image/tiff",
        ["image/x-ms-bmp"] = "image/bmp",
        ["image/x-bmp"] = "image/bmp",
        ["image/heif"] = "image/heic",
        ["image/heic-sequence"] = "image/heic",
        ["image/heif-sequence"] = "image/heic",
        ["image/svg"] = "image/svg+xml",
        ["application/x-pdf"] = "application/pdf",
        ["application/acrobat"] = "application/pdf",
        ["text/rtf"] = "application/rtf",
    };

    /// <summary>
    /// The canonical, lower-case name of <paramref name="mimeType"/> (parameters such as <c>; codecs=…</c> dropped,
    /// aliases replaced); a name that is no alias is returned lower-cased.
    /// </summary>
    public static string Canonical(string mimeType)
    {
        var bare = mimeType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return Aliases.TryGetValue(bare, out var canonical) ? canonical : bare;
    }
}
