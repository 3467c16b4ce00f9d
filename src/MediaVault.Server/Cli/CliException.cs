namespace MediaVault.Server.Cli;

/// <summary>A command's arguments or preconditions are wrong; the message is shown to the user.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
