namespace MediaVault.Core.Processing;

/// <summary>
/// Why a media failed, as clients see it: each value has a stable wire code and one plain sentence
/// (<see cref="MediaFailures"/>). The raw detail (tool output, paths) goes to the logs only.
/// </summary>
public enum MediaFailureCode
{
    /// <summary>The content is damaged or not what its type says (the default).</summary>
    UnreadableMedia,

    /// <summary>A password-protected document.</summary>
    EncryptedDocument,

    /// <summary>An image larger than <see cref="ProcessingOptions.MaxImagePixels"/>.</summary>
    TooManyPixels,

    /// <summary>Audio or video longer than <see cref="ProcessingOptions.MaxDurationSeconds"/>.</summary>
    TooLong,

    /// <summary>The content is of a kind MediaVault does not process.</summary>
    UnsupportedType,

    /// <summary>A tool ran past its time limit on this content (a hostile or pathological file).</summary>
    ProcessingTimeout,

    /// <summary>The file is larger than a limit allows.</summary>
    FileTooLarge,

    /// <summary>Processing kept failing for a reason that is not the content's (every retry was spent).</summary>
    ProcessingFailed,
}
