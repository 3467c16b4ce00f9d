namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// What follows an ID3v2 tag: the sniffer sees only the first 8 KiB, and a tag with cover art can be far larger. Only
/// single-file audio demuxers are answered; anything else after the tag is left to the MP3 demuxer to refuse.
/// </summary>
internal static class Id3Payload
{
    public static string? DemuxerAfterTag(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        Span<byte> header = stackalloc byte[10];
        if (file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header.StartsWith("ID3"u8))
        {
            return null;
        }

        var footer = (header[5] & 0x10) != 0 ? 10 : 0;
        var size = (header[6] & 0x7F) << 21 | (header[7] & 0x7F) << 14 | (header[8] & 0x7F) << 7 | (header[9] & 0x7F);
        file.Seek(10L + size + footer, SeekOrigin.Begin);
        Span<byte> payload = stackalloc byte[4];
        if (file.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false) < payload.Length)
        {
            return null;
        }

        if (payload.StartsWith("fLaC"u8))
        {
            return "flac";
        }

        // ADTS: a 12-bit sync word and layer 0 (MPEG audio frames have a non-zero layer).
        return payload[0] == 0xFF && (payload[1] & 0xF6) == 0xF0 ? "aac" : null;
    }
}
