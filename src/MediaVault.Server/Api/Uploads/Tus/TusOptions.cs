using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>Section <c>Tus</c>: resumable upload settings.</summary>
public sealed class TusOptions
{
    public const string Section = "Tus";

    /// <summary>Largest upload in bytes, advertised as <c>Tus-Max-Size</c> (default 20 GiB); the tenant, per-kind and global <c>Media</c> caps also apply, while the bytes stream in.</summary>
    [Range(1, long.MaxValue)]
    public long MaxSize { get; set; } = 20L * 1024 * 1024 * 1024;

    /// <summary>How long an unfinished upload lives after its last chunk.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Expiration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a PATCH's lock on an upload lasts unless renewed; the writer renews it every third of this while it
    /// streams, so the lock of a process that died runs out after at most this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Who this instance is across restarts (default: the job queue's instance id, <c>Jobs:InstanceId</c>). A restarted instance
    /// takes over the locks its previous run left at once; instances that run at the same time need different ids.
    /// </summary>
    [MaxLength(200)]
    public string? InstanceId { get; set; }
}
