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

    /// <summary>
    /// This instance's stable name, the prefix of its lease owners (<c>{InstanceId}/{run}</c>): at start, jobs still
    /// leased by an earlier run of the same instance go back to the queue at once. Empty (the default): one generated
    /// once and kept in <c>{DataPath}/jobs-instance-id</c>. Instances running at the same time must not share it.
    /// </summary>
    [MaxLength(100)]
    [RegularExpression("^[A-Za-z0-9._-]*$", ErrorMessage = "Jobs:InstanceId may hold only letters, digits, '.', '_' and '-'.")]
    public string InstanceId { get; set; } = "";

    /// <summary>First retry delay; doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
}
