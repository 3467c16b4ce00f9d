using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Hosting;

/// <summary>Section <c>Health:DiskSpace</c>: when <c>/health/ready</c> calls the local upload storage too full.</summary>
public sealed class DiskSpaceOptions
{
    public const string Section = "Health:DiskSpace";

    /// <summary>Below this many free bytes where uploads are staged (the data folder), the server reports unhealthy (default 256 MiB; 0 turns the check off).</summary>
    [Range(0, long.MaxValue)]
    public long MinFreeBytes { get; set; } = 256L * 1024 * 1024;
}
