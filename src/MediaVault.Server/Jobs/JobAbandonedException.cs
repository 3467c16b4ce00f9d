namespace MediaVault.Server.Jobs;

/// <summary>
/// A job leased more often than its attempts allow: each earlier run ended with the process running it (killed, out of
/// memory), never with a result, so running it again could bring the next process down too.
/// </summary>
public sealed class JobAbandonedException(int unsettledRuns)
    : Exception($"Gave up after {unsettledRuns} runs that never finished: the process running the job stopped each time");
