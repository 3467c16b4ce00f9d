namespace MediaVault.Core.Processing;

/// <summary>The content is damaged or not what its type says; retrying will not help.</summary>
public sealed class MediaUnreadableException : Exception
{
    public MediaUnreadableException()
    {
    }

    public MediaUnreadableException(string message)
        : base(message)
    {
    }

    public MediaUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
