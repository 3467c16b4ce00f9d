namespace MediaVault.Core.Media;

/// <summary>
/// Decides the type of a complete, still private file when its leading bytes could not (<see cref="IContentSniffer"/>
/// returned null or a result that <see cref="SniffResult.NeedsStreams"/>), by asking the media tools what they read.
/// </summary>
public interface IContentProbe
{
    /// <summary>
    /// The file's type: <paramref name="fromHeader"/> itself when it is decisive (no tool runs), else what the media
    /// tools recognise in <paramref name="localPath"/>; null when nothing they may read recognises it. A probe that
    /// cannot decide keeps a known container's <paramref name="fromHeader"/> (processing then reports it unreadable).
    /// </summary>
    /// <param name="localPath">The complete file on local disk (a staging file, or a download of a stored object).</param>
    /// <param name="fromHeader">What the sniffer said about the file's leading bytes.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    Task<SniffResult?> RecognizeAsync(string localPath, SniffResult? fromHeader, CancellationToken cancellationToken);
}
