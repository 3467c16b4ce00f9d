using System.Text;
using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

/// <summary>Recognises made-up content by an ASCII prefix, and remembers the header it was shown.</summary>
internal sealed class PrefixSniffer : IContentSniffer
{
    public const string AudioPrefix = "AUDIO";
    public const string ImagePrefix = "IMAGE";
    public const string UnlistedPrefix = "ODD";
    public const string ContainerPrefix = "CONT";

    public int HeaderLength => 8;

    public byte[]? LastHeader { get; private set; }

    public SniffResult? Sniff(ReadOnlySpan<byte> header)
    {
        LastHeader = header.ToArray();
        var text = Encoding.ASCII.GetString(header);
        return text switch
        {
            _ when text.StartsWith(AudioPrefix, StringComparison.Ordinal) => new SniffResult(MediaKind.Audio, "audio/mpeg"),
            _ when text.StartsWith(ImagePrefix, StringComparison.Ordinal) => new SniffResult(MediaKind.Image, "image/png"),
            _ when text.StartsWith(UnlistedPrefix, StringComparison.Ordinal) => new SniffResult(MediaKind.Audio, "audio/x-odd"),
            _ when text.StartsWith(ContainerPrefix, StringComparison.Ordinal) => new SniffResult(MediaKind.Video, "video/webm", NeedsStreams: true),
            _ => null,
        };
    }
}
