using System.ComponentModel.DataAnnotations;

namespace MediaVault.Core.Media;

/// <summary>Content rules for every upload path (section <c>Media</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>Largest accepted file in bytes (default 2 GiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Per-kind caps in bytes, keyed <c>audio</c>, <c>video</c>, <c>image</c>, <c>document</c> (e.g. <c>Media__MaxBytesByKind__image=20000000</c>).</summary>
    public Dictionary<string, long> MaxBytesByKind { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per-tenant caps in bytes, keyed by tenant key (e.g. <c>Media__TenantMaxFileBytes__acme=100000000</c>).</summary>
    public Dictionary<string, long> TenantMaxFileBytes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The largest file a tenant may store, in bytes.</summary>
    public long LimitForTenant(string tenantKey) =>
        TenantMaxFileBytes.TryGetValue(tenantKey, out var limit) ? Math.Min(limit, MaxFileBytes) : MaxFileBytes;

    /// <summary>The largest file of a kind, in bytes.</summary>
    public long LimitForKind(MediaKind kind) =>
        MaxBytesByKind.TryGetValue(kind.ToString(), out var limit) ? Math.Min(limit, MaxFileBytes) : MaxFileBytes;

    /// <summary>Sniffed MIME types that may be stored. Anything else is refused with 400.</summary>
    [MinLength(1)]
    public List<string> AllowedMimeTypes { get; set; } =
    [
        "audio/mpeg", "audio/wav", "audio/flac", "audio/ogg", "audio/aac", "audio/mp4", "audio/aiff",
        "audio/basic", "audio/x-caf", "audio/x-wavpack", "audio/webm", "audio/x-matroska", "audio/ac3", "audio/eac3",
        "audio/amr", "audio/amr-wb", "audio/3gpp", "audio/3gpp2", "audio/quicktime",
        "video/mp4", "video/quicktime", "video/webm", "video/x-matroska", "video/x-msvideo", "video/ogg",
        "video/mpeg", "video/mp2t", "video/3gpp", "video/3gpp2", "video/x-flv",
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/tiff", "image/bmp", "image/heic", "image/avif", "image/jxl", "image/svg+xml",
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.oasis.opendocument.text", "application/msword", "application/rtf",
    ];
}
