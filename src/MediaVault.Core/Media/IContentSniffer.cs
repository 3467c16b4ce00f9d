namespace MediaVault.Core.Media;

/// <summary>Decides a file's real type from its leading bytes.</summary>
public interface IContentSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> wants to see.</summary>
    int HeaderLength { get; }

    /// <summary>The recognised type, or null when the content is not a media type this service knows.</summary>
    SniffResult? Sniff(ReadOnlySpan<byte> header);
}
