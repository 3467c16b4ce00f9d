namespace MediaVault.Core.Processing;

/// <summary>Makes an audio file's Chromaprint fingerprint, to find the same recording uploaded twice.</summary>
public interface IAudioFingerprinter
{
    bool CanHandle(string mimeType);

    /// <summary>The fingerprint, or null when the file has too little audio to fingerprint.</summary>
    /// <exception cref="MediaUnreadableException">The file cannot be decoded.</exception>
    Task<AudioFingerprint?> FingerprintAsync(string path, string mimeType, CancellationToken cancellationToken);
}
