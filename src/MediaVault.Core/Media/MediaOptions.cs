using System.ComponentModel.DataAnnotations;

namespace MediaVault.Core.Media;

/// <summary>Content rules for every upload path (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest accepted file in bytes (default 2 GiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Sniffed MIME types that may be stored. Anything else is refused with 400.</summary>
    [MinLength(1)]
    public List<string> AllowedMimeTypes { get; set; } =
    [
        "audio/mpeg", "audio/wav", "audio/flac", "audio/ogg", "audio/aac", "audio/mp4", "audio/aiff",
        "video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-msvideo", "video/ogg",
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp", "image/heic", "image/avif", "image/svg+xml",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/msword", "application/rtf",
    ];
}
