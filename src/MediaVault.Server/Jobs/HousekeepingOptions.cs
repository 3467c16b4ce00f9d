using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Jobs;

/// <summary>Section <c>Housekeeping</c>: the periodic sweeps.</summary>
public sealed class HousekeepingOptions
{
    public const string Section = "Housekeeping";

    /// <summary>How often the sweeps are scheduled (once per interval across all instances).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Objects and staging files younger than this are never swept (an upload may be committing).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Pending media older than this are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan PendingExpiry { get; set; } = TimeSpan.FromHours(24);
}
