namespace MediaVault.Core.Processing;

/// <summary>
/// The content is damaged, not what its type says, or beyond a limit; retrying will not help. <see cref="Code"/>
/// says which (clients see its sentence); the message is raw detail for the logs.
/// </summary>
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

    public MediaUnreadableException(MediaFailureCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public MediaUnreadableException(MediaFailureCode code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>What clients are told; <see cref="MediaFailureCode.UnreadableMedia"/> unless a throw site says otherwise.</summary>
    public MediaFailureCode Code { get; } = MediaFailureCode.UnreadableMedia;
}
