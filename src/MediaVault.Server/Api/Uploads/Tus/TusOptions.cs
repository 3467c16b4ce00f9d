using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>Section <c>Tus</c>: resumable upload settings.</summary>
public sealed class TusOptions
{
    public const string Section = "Tus";

    /// <summary>Largest upload in bytes, advertised as <c>Tus-Max-Size</c> (default 20 GiB; <c>Media:MaxFileBytes</c> also applies on completion).</summary>
    [Range(1, long.MaxValue)]
    public long MaxSize { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>How long an unfinished upload lives after its last chunk.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Expiration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one PATCH may hold an upload's lock before another may take over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
