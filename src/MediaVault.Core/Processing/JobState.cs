namespace MediaVault.Core.Processing;

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
