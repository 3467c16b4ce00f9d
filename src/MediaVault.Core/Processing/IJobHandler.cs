namespace MediaVault.Core.Processing;

/// <summary>Runs one kind of <see cref="Job"/>. Handlers must be idempotent: a job may run again after a crash.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Does the work. Throwing schedules a retry with back-off until the job's attempts run out.</summary>
    Task RunAsync(Job job, CancellationToken cancellationToken);

    /// <summary>
    /// Called once when the job has failed for the last time (<paramref name="failure"/> is the last exception; a
    /// <see cref="MediaUnreadableException"/> carries its <see cref="MediaFailureCode"/>), to record where users see it
    /// what went wrong, as <see cref="MediaFailures"/> words it: never the raw detail.
    /// </summary>
    Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken);
}
