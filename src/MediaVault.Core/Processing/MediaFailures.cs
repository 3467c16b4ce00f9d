namespace MediaVault.Core.Processing;

/// <summary>The wire code and the plain sentence clients see for each <see cref="MediaFailureCode"/>.</summary>
public static class MediaFailures
{
    /// <summary>The stable snake_case code, e.g. <c>unreadable_media</c>.</summary>
    public static string Code(MediaFailureCode code) => code switch
    {
        MediaFailureCode.EncryptedDocument => "encrypted_document",
        MediaFailureCode.TooManyPixels => "too_many_pixels",
        MediaFailureCode.TooLong => "too_long",
        MediaFailureCode.UnsupportedType => "unsupported_type",
        MediaFailureCode.ProcessingTimeout => "processing_timeout",
        MediaFailureCode.FileTooLarge => "file_too_large",
        MediaFailureCode.ProcessingFailed => "processing_failed",
        _ => "unreadable_media",
    };

    /// <summary>One sentence without server paths or tool output, safe to show to any client.</summary>
    public static string Sentence(MediaFailureCode code) => code switch
    {
        MediaFailureCode.EncryptedDocument => "The document is password-protected and cannot be opened.",
        MediaFailureCode.TooManyPixels => "The image has more pixels than this server accepts.",
        MediaFailureCode.TooLong => "The media is longer than this server accepts.",
        MediaFailureCode.UnsupportedType => "The file is of a type this server does not process.",
        MediaFailureCode.ProcessingTimeout => "The file took too long to process and was given up; it may be malformed or too complex.",
        MediaFailureCode.FileTooLarge => "The file is larger than this server accepts.",
        MediaFailureCode.ProcessingFailed => "The media could not be processed; uploading it again may help.",
        _ => "The file could not be read; it may be damaged or not what its type says.",
    };

    /// <summary>What a job's last failure means for its media: the exception's own code, or a generic failure.</summary>
    public static MediaFailureCode Of(Exception failure) =>
        failure is MediaUnreadableException unreadable ? unreadable.Code : MediaFailureCode.ProcessingFailed;
}
