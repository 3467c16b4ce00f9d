using MediaVault.Core.Processing;
using MediaVault.Media.Processes;

namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// How ffmpeg and ffprobe may open an untrusted original: with the one demuxer its sniffed type allows (never by
/// probing, so no playlist, concat or image-sequence demuxer can be chosen by the content), through the file protocol
/// only, and with QuickTime's external data references off. The input is the jail's, named <see cref="ToolJail.InputName"/>.
/// </summary>
public static class FfmpegInput
{
    /// <summary>Sniffed (or refined) MIME type → the only ffmpeg demuxer allowed to read it (from <see cref="MediaFormats"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Demuxers =
        MediaFormats.All.ToDictionary(f => f.MimeType, f => f.Demuxer, StringComparer.Ordinal);

    /// <summary>Demuxers that read one file only; anything else (hls, concat, image2, …) is never passed to a tool.</summary>
    public static readonly IReadOnlySet<string> AllowedDemuxers = MediaFormats.Demuxers.ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The options that go before <c>-i</c>: <c>-f</c> with the pinned demuxer, <c>-protocol_whitelist file</c>, and for
    /// QuickTime <c>-enable_drefs 0</c>. An ID3-tagged file is read by what follows its tag (FLAC or ADTS AAC behind a
    /// large tag is sniffed as MP3), and an MPEG video elementary stream by <c>mpegvideo</c>
    /// (<see cref="MediaFormats.ByHeader"/>), still from the allowed set.
    /// </summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer.</exception>
    public static List<string> Options(string mimeType, string hostPath)
    {
        if (MediaFormats.ForMimeType(mimeType) is not { } format)
        {
            throw new MediaUnreadableException($"No media tool may read '{mimeType}'");
        }

        var demuxer = MediaFormats.ByHeader.Any(h => h.MimeType == mimeType) ? MediaFormats.DemuxerFor(format, ReadHeader(hostPath)) : format.Demuxer;

        if (demuxer == "mp3")
        {
            demuxer = Id3Payload.DemuxerAfterTag(hostPath) ?? demuxer;
        }

        List<string> options = ["-f", demuxer];
        if (demuxer == "mov")
        {
            options.AddRange(["-enable_drefs", "0"]);
        }

        options.AddRange(["-protocol_whitelist", "file"]);
        return options;
    }

    private static byte[] ReadHeader(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        var header = new byte[16];
        return header[..file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false)];
    }

    /// <summary>The input options followed by <c>-i</c> and the jail's input.</summary>
    /// <exception cref="MediaUnreadableException">The type has no allowed demuxer.</exception>
    public static List<string> Arguments(string mimeType, string hostPath, IEnumerable<string>? beforeInput = null)
    {
        var arguments = Options(mimeType, hostPath);
        arguments.AddRange(beforeInput ?? []);
        arguments.AddRange(["-i", "file:" + ToolJail.InputName]);
        return arguments;
    }
}
