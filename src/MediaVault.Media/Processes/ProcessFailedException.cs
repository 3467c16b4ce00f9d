namespace MediaVault.Media.Processes;

/// <summary>A tool could not be started (a tool that runs past its time limit is the media's failure: <c>MediaUnreadableException</c>).</summary>
public sealed class ProcessFailedException : Exception
{
    public ProcessFailedException()
    {
    }

    public ProcessFailedException(string message)
        : base(message)
    {
    }

    public ProcessFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
