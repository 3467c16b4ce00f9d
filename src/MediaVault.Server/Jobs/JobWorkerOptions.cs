using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Jobs;

/// <summary>Section <c>Jobs</c>: background worker settings.</summary>
public sealed class JobWorkerOptions
{
    public const string Section = "Jobs";

    /// <summary>Jobs run at once in this process (default: the core count).</summary>
    [Range(0, 256)]
    public int Concurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a leased job is reserved; a crashed worker's job is taken again after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle worker looks for due jobs (new jobs from this process wake it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First retry delay; doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
}
