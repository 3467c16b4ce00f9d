using System.Text;
using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

/// <summary>
/// Stands in for the media tools' probe: decides undecided content by the last bytes of the complete file (so a test
/// shows the probe saw all of it), and counts how often it had to look.
/// </summary>
internal sealed class TrailerProbe : IContentProbe
{
    public const string AudioTrailer = "ONLY-AUDIO";
    public const string VideoTrailer = "HAS-VIDEO";

    public int Probes { get; private set; }

    public async Task<SniffResult?> RecognizeAsync(string localPath, SniffResult? fromHeader, CancellationToken cancellationToken)
    {
        if (fromHeader is { NeedsStreams: false })
        {
            return fromHeader;
        }

        Probes++;
        var text = Encoding.ASCII.GetString(await File.ReadAllBytesAsync(localPath, cancellationToken));
        return text switch
        {
            _ when text.EndsWith(AudioTrailer, StringComparison.Ordinal) => new SniffResult(MediaKind.Audio, "audio/webm"),
            _ when text.EndsWith(VideoTrailer, StringComparison.Ordinal) => new SniffResult(MediaKind.Video, "video/webm"),
            _ => fromHeader is null ? null : fromHeader with { NeedsStreams = false },
        };
    }
}
