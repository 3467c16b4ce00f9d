using System.Buffers.Binary;
using System.Text;
using MediaVault.Core.Media;

namespace MediaVault.Media.Sniffing;

/// <summary>
/// Recognises media by their leading bytes (magic numbers and container headers). Text and unknown binaries
/// are not recognised, whatever their name says. The fast first step: what it cannot decide (raw AC-3, an MP3 that
/// does not start with a frame…) or decides only up to the container (MP4, Matroska/WebM: audio or video?) is settled
/// by probing the complete file (<see cref="FfprobeContentProbe"/>).
/// </summary>
public sealed class SignatureSniffer : IContentSniffer
{
    public int HeaderLength => 8192;

    public SniffResult? Sniff(ReadOnlySpan<byte> header) =>
        SniffImage(header) ?? SniffAudio(header) ?? SniffVideo(header) ?? SniffDocument(header);

    private static SniffResult? SniffImage(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Image("image/jpeg");
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Image("image/png");
        }

        if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8))
        {
            return Image("image/gif");
        }

        if (IsRiff(h, "WEBP"u8))
        {
            return Image("image/webp");
        }

        // Classic TIFF (42) and BigTIFF (43), either byte order.
        if (h.StartsWith((ReadOnlySpan<byte>)[0x49, 0x49, 0x2A, 0x00]) || h.StartsWith((ReadOnlySpan<byte>)[0x4D, 0x4D, 0x00, 0x2A])
            || h.StartsWith((ReadOnlySpan<byte>)[0x49, 0x49, 0x2B, 0x00]) || h.StartsWith((ReadOnlySpan<byte>)[0x4D, 0x4D, 0x00, 0x2B]))
        {
            return Image("image/tiff");
        }

        if (h.Length >= 18 && h.StartsWith("BM"u8) && BinaryPrimitives.ReadUInt32LittleEndian(h[14..]) is 12 or 40 or 52 or 56 or 64 or 108 or 124)
        {
            return Image("image/bmp");
        }

        // JPEG XL: a bare codestream or the ISO BMFF-style container.
        if (h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]) || h.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]))
        {
            return Image("image/jxl");
        }

        if (IsSvg(h))
        {
            return Image("image/svg+xml");
        }

        return FtypBrand(h) switch
        {
            "heic" or "heix" or "hevc" or "heim" or "heis" or "mif1" or "msf1" => Image("image/heic"),
            "avif" or "avis" => Image("image/avif"),
            null => null,
            _ => ImageByCompatibleBrand(h),
        };
    }

    /// <summary>A HEIF or AVIF whose major brand is generic (<c>miaf</c>, …): its compatible brands name the image kind; video never lists them.</summary>
    private static SniffResult? ImageByCompatibleBrand(ReadOnlySpan<byte> h)
    {
        var boxSize = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(h), (uint)h.Length);
        for (var offset = 16; offset + 4 <= boxSize; offset += 4)
        {
            var brand = h.Slice(offset, 4);
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return Image("image/avif");
            }

            if (brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8))
            {
                return Image("image/heic");
            }
        }

        return null;
    }

    private static SniffResult? SniffAudio(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith("ID3"u8) && h.Length >= 10)
        {
            var tagSize = (h[6] & 0x7F) << 21 | (h[7] & 0x7F) << 14 | (h[8] & 0x7F) << 7 | (h[9] & 0x7F);
            var after = 10 + tagSize;
            if (after + 4 <= h.Length && h[after..].StartsWith("fLaC"u8))
            {
                return Audio("audio/flac");
            }

            return Audio("audio/mpeg");
        }

        if (h.StartsWith("fLaC"u8))
        {
            return Audio("audio/flac");
        }

        if (IsRiff(h, "WAVE"u8) || (h.Length >= 12 && h.StartsWith("RF64"u8) && h[8..12].SequenceEqual("WAVE"u8)))
        {
            return Audio("audio/wav");
        }

        if (h.Length >= 12 && h.StartsWith("FORM"u8) && (h[8..12].SequenceEqual("AIFF"u8) || h[8..12].SequenceEqual("AIFC"u8)))
        {
            return Audio("audio/aiff");
        }

        if (h.StartsWith("OggS"u8))
        {
            return h.IndexOf("theora"u8) >= 0 ? Video("video/ogg") : Audio("audio/ogg");
        }

        if (h.StartsWith(".snd"u8))
        {
            return Audio("audio/basic");
        }

        if (h.StartsWith("caff"u8) && h.Length >= 6 && h[4] == 0 && h[5] == 1)
        {
            return Audio("audio/x-caf");
        }

        if (h.StartsWith("wvpk"u8))
        {
            return Audio("audio/x-wavpack");
        }

        if (h.StartsWith("#!AMR\n"u8))
        {
            return Audio("audio/amr");
        }

        if (h.StartsWith("#!AMR-WB\n"u8))
        {
            return Audio("audio/amr-wb");
        }

        if (h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0)
        {
            var version = (h[1] >> 3) & 0x03;
            var layer = (h[1] >> 1) & 0x03;
            var bitrateIndex = (h[2] >> 4) & 0x0F;
            var sampleRateIndex = (h[2] >> 2) & 0x03;
            if (layer == 0 && (h[1] & 0xF6) == 0xF0)
            {
                return Audio("audio/aac");
            }

            if (version != 1 && layer != 0 && bitrateIndex is not (0 or 15) && sampleRateIndex != 3)
            {
                return Audio("audio/mpeg");
            }
        }

        return FtypBrand(h) is "M4A " or "M4B " or "M4P " or "F4A " or "F4B " ? Audio("audio/mp4") : null;
    }

    private static SniffResult? SniffVideo(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return h[..Math.Min(h.Length, 64)].IndexOf("webm"u8) >= 0 ? VideoOrAudio("video/webm") : VideoOrAudio("video/x-matroska");
        }

        // MPEG-1/2 program stream (.mpg, .mpeg, VCD/SVCD/DVD .vob): a pack header.
        if (h.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0xBA]))
        {
            return Video("video/mpeg");
        }

        // MPEG-1/2 video elementary stream (.m1v, .m2v, many .mpg): a sequence header. Stored as video/mpeg; the tools
        // read it with the mpegvideo demuxer (MediaFormats.ByHeader).
        if (h.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0xB3]))
        {
            return Video("video/mpeg");
        }

        // Flash Video, version 1.
        if (h.StartsWith("FLV\x01"u8))
        {
            return Video("video/x-flv");
        }

        if (IsTransportStream(h, 188, 0) || IsTransportStream(h, 192, 4))
        {
            return Video("video/mp2t");
        }

        if (IsRiff(h, "AVI "u8))
        {
            return Video("video/x-msvideo");
        }

        return FtypBrand(h) switch
        {
            null => null,
            "qt  " => VideoOrAudio("video/quicktime"),
            var brand when brand.StartsWith("3g2", StringComparison.Ordinal) => VideoOrAudio("video/3gpp2"),
            var brand when brand.StartsWith("3g", StringComparison.Ordinal) => VideoOrAudio("video/3gpp"),
            _ => VideoOrAudio("video/mp4"),
        };
    }

    private static SniffResult? SniffDocument(ReadOnlySpan<byte> h)
    {
        if (h.StartsWith("%PDF-"u8))
        {
            return Document("application/pdf");
        }

        if (h.StartsWith("{\\rtf"u8))
        {
            return Document("application/rtf");
        }

        if (h.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Document("application/msword");
        }

        if (!h.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return null;
        }

        if (h.Length >= 38 + 39 && h[30..38].SequenceEqual("mimetype"u8))
        {
            var declared = Encoding.ASCII.GetString(h[38..Math.Min(h.Length, 38 + 80)]);
            if (declared.StartsWith("application/vnd.oasis.opendocument.text", StringComparison.Ordinal))
            {
                return Document("application/vnd.oasis.opendocument.text");
            }
        }

        if (h.IndexOf("word/"u8) >= 0)
        {
            return Document("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }

        if (h.IndexOf("xl/"u8) >= 0)
        {
            return Document("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }

        return h.IndexOf("ppt/"u8) >= 0 ? Document("application/vnd.openxmlformats-officedocument.presentationml.presentation") : null;
    }

    /// <summary>XML text whose root element is <c>svg</c> (an optional BOM, whitespace, XML declaration, comments or doctype before it).</summary>
    private static bool IsSvg(ReadOnlySpan<byte> h)
    {
        var text = h.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? h[3..] : h;
        var start = 0;
        while (start < text.Length && text[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        text = text[start..];
        if (!text.StartsWith("<?xml"u8) && !text.StartsWith("<svg"u8) && !text.StartsWith("<!--"u8) && !text.StartsWith("<!DOCTYPE svg"u8))
        {
            return false;
        }

        return text.IndexOf("<svg"u8) >= 0 && text.IndexOf((byte)0) < 0;
    }

    /// <summary>
    /// MPEG transport stream: a sync byte at the start of every packet in the header (188-byte packets, or 192-byte
    /// M2TS packets behind a 4-byte time code), at least four of them.
    /// </summary>
    private static bool IsTransportStream(ReadOnlySpan<byte> h, int packetLength, int syncOffset)
    {
        var packets = Math.Min(8, (h.Length - syncOffset) / packetLength);
        if (packets < 4)
        {
            return false;
        }

        for (var i = 0; i < packets; i++)
        {
            if (h[syncOffset + (i * packetLength)] != 0x47)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRiff(ReadOnlySpan<byte> h, ReadOnlySpan<byte> form) =>
        h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual(form);

    private static string? FtypBrand(ReadOnlySpan<byte> h) =>
        h.Length >= 12 && h[4..8].SequenceEqual("ftyp"u8) ? Encoding.ASCII.GetString(h[8..12]) : null;

    private static SniffResult Image(string mime) => new(MediaKind.Image, mime);

    private static SniffResult Audio(string mime) => new(MediaKind.Audio, mime);

    private static SniffResult Video(string mime) => new(MediaKind.Video, mime);

    /// <summary>A container that holds video or only audio; which, the complete file's streams decide.</summary>
    private static SniffResult VideoOrAudio(string mime) => new(MediaKind.Video, mime, NeedsStreams: true);

    private static SniffResult Document(string mime) => new(MediaKind.Document, mime);
}
