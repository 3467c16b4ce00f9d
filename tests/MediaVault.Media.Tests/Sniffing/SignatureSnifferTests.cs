using System.IO.Compression;
using System.Text;
using MediaVault.Core.Media;
using MediaVault.Media.Sniffing;

namespace MediaVault.Media.Tests.Sniffing;

public sealed class SignatureSnifferTests
{
    private readonly SignatureSniffer _sniffer = new();

    [Theory]
    [InlineData("tone.mp3", MediaKind.Audio, "audio/mpeg")]
    [InlineData("truncated.mp3", MediaKind.Audio, "audio/mpeg")]
    [InlineData("tone.wav", MediaKind.Audio, "audio/wav")]
    [InlineData("tone.flac", MediaKind.Audio, "audio/flac")]
    [InlineData("clip.mp4", MediaKind.Video, "video/mp4")]
    [InlineData("image.png", MediaKind.Image, "image/png")]
    [InlineData("image.jpg", MediaKind.Image, "image/jpeg")]
    [InlineData("document.pdf", MediaKind.Document, "application/pdf")]
    public async Task Sniff_recognises_real_files(string file, MediaKind kind, string mimeType)
    {
        var result = _sniffer.Sniff(await HeaderOfAsync(file));

        Assert.Equal((kind, mimeType), (result?.Kind, result?.MimeType));
    }

    [Theory]
    [InlineData("text-named.mp3")]
    [InlineData("empty.mp3")]
    public async Task Sniff_does_not_trust_the_file_name(string file)
    {
        Assert.Null(_sniffer.Sniff(await HeaderOfAsync(file)));
    }

    public static TheoryData<string, byte[], MediaKind, string> SyntheticHeaders => new()
    {
        { "gif87a", Ascii("GIF87a\u0010\u0000\u0010\u0000"), MediaKind.Image, "image/gif" },
        { "gif89a", Ascii("GIF89a\u0010\u0000\u0010\u0000"), MediaKind.Image, "image/gif" },
        { "webp", Riff("WEBP", "VP8 "), MediaKind.Image, "image/webp" },
        { "tiff little-endian", [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00], MediaKind.Image, "image/tiff" },
        { "tiff big-endian", [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08], MediaKind.Image, "image/tiff" },
        { "bmp", Bmp(), MediaKind.Image, "image/bmp" },
        { "heic", Ftyp("heic"), MediaKind.Image, "image/heic" },
        { "heif mif1", Ftyp("mif1"), MediaKind.Image, "image/heic" },
        { "avif", Ftyp("avif"), MediaKind.Image, "image/avif" },
        { "avif behind a generic major brand", Ascii("\0\0\0\u0018ftypmiaf\0\0\0\0miafavif"), MediaKind.Image, "image/avif" },
        { "heif behind a generic major brand", Ascii("\0\0\0\u0018ftypmiaf\0\0\0\0miafmif1"), MediaKind.Image, "image/heic" },
        { "mp4 with odd brands", Ascii("\0\0\0\u0018ftypiso6\0\0\0\0iso6mp41"), MediaKind.Video, "video/mp4" },
        { "ogg vorbis", Ogg("\u0001vorbis"), MediaKind.Audio, "audio/ogg" },
        { "ogg theora", Ogg("\u0080theora"), MediaKind.Video, "video/ogg" },
        { "m4a", Ftyp("M4A "), MediaKind.Audio, "audio/mp4" },
        { "m4b", Ftyp("M4B "), MediaKind.Audio, "audio/mp4" },
        { "aiff", Ascii("FORM\0\0\0\u0020AIFFCOMM"), MediaKind.Audio, "audio/aiff" },
        { "wav rf64", Ascii("RF64\u00FF\u00FF\u00FF\u00FFWAVEds64"), MediaKind.Audio, "audio/wav" },
        { "mp3 frame without id3", [0xFF, 0xFB, 0x90, 0x44, 0x00, 0x00], MediaKind.Audio, "audio/mpeg" },
        { "aac adts", [0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC], MediaKind.Audio, "audio/aac" },
        { "flac behind id3", [.. Ascii("ID3\u0004\0\0\0\0\0\u0002"), 0, 0, .. Ascii("fLaC\0\0\0\u0022")], MediaKind.Audio, "audio/flac" },
        { "webm", Ebml("webm"), MediaKind.Video, "video/webm" },
        { "mkv", Ebml("matroska"), MediaKind.Video, "video/x-matroska" },
        { "avi", Riff("AVI ", "LIST"), MediaKind.Video, "video/x-msvideo" },
        { "mov", Ftyp("qt  "), MediaKind.Video, "video/quicktime" },
        { "mp4 isom", Ftyp("isom"), MediaKind.Video, "video/mp4" },
        { "m4v", Ftyp("M4V "), MediaKind.Video, "video/mp4" },
        { "3g2", Ftyp("3g2a"), MediaKind.Video, "video/3gpp2" },
        { "sun au", Ascii(".snd\0\0\0\u0018\0\0\0\0\0\0\0\u0003"), MediaKind.Audio, "audio/basic" },
        { "caf", Ascii("caff\0\u0001\0\0desc"), MediaKind.Audio, "audio/x-caf" },
        { "wavpack", Ascii("wvpk\u0020\0\0\0\u0010\u0004"), MediaKind.Audio, "audio/x-wavpack" },
        { "amr", Ascii("#!AMR\n\u003c"), MediaKind.Audio, "audio/amr" },
        { "amr-wb", Ascii("#!AMR-WB\n\u0004"), MediaKind.Audio, "audio/amr-wb" },
        { "mpeg program stream", [0x00, 0x00, 0x01, 0xBA, 0x44, 0x00, 0x04, 0x00, 0x04, 0x01], MediaKind.Video, "video/mpeg" },
        { "mpeg video elementary stream", [0x00, 0x00, 0x01, 0xB3, 0x14, 0x00, 0xF0, 0x15], MediaKind.Video, "video/mpeg" },
        { "flv", [.. Ascii("FLV\u0001\u0005"), 0, 0, 0, 9], MediaKind.Video, "video/x-flv" },
        { "mpeg transport stream", Packets(188, 0, 8), MediaKind.Video, "video/mp2t" },
        { "m2ts", Packets(192, 4, 8), MediaKind.Video, "video/mp2t" },
        { "bigtiff little-endian", [0x49, 0x49, 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00], MediaKind.Image, "image/tiff" },
        { "bigtiff big-endian", [0x4D, 0x4D, 0x00, 0x2B, 0x00, 0x08, 0x00, 0x00], MediaKind.Image, "image/tiff" },
        { "jxl codestream", [0xFF, 0x0A, 0xFA, 0x7F], MediaKind.Image, "image/jxl" },
        { "jxl container", [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A], MediaKind.Image, "image/jxl" },
        { "rtf", Ascii(@"{\rtf1\ansi\deff0 {\fonttbl}}"), MediaKind.Document, "application/rtf" },
        { "doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], MediaKind.Document, "application/msword" },
        { "docx", Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), MediaKind.Document, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"), MediaKind.Document, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", Zip("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml"), MediaKind.Document, "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "odt", Odt(), MediaKind.Document, "application/vnd.oasis.opendocument.text" },
    };

    [Theory]
    [MemberData(nameof(SyntheticHeaders))]
    public void Sniff_recognises_format_headers(string format, byte[] header, MediaKind kind, string mimeType)
    {
        var result = _sniffer.Sniff(header);

        Assert.True(result?.Kind == kind && result.MimeType == mimeType, $"{format} was sniffed as {result}");
    }

    public static TheoryData<string, byte[], bool> ContainersAndTheirStreams => new()
    {
        { "mp4 isom", Ftyp("isom"), true },
        { "mov", Ftyp("qt  "), true },
        { "3gp", Ftyp("3gp4"), true },
        { "webm", Ebml("webm"), true },
        { "mkv", Ebml("matroska"), true },
        { "m4a", Ftyp("M4A "), false },
        { "ogg vorbis", Ogg("\u0001vorbis"), false },
        { "avi", Riff("AVI ", "LIST"), false },
        { "mpeg program stream", [0x00, 0x00, 0x01, 0xBA, 0x44, 0x00], false },
        { "sun au", Ascii(".snd\0\0\0\u0018"), false },
    };

    [Theory]
    [MemberData(nameof(ContainersAndTheirStreams))]
    public void Sniff_leaves_audio_or_video_to_the_streams_only_for_containers_that_hold_either(string format, byte[] header, bool needsStreams)
    {
        Assert.True(_sniffer.Sniff(header)?.NeedsStreams == needsStreams, $"{format} was sniffed as {_sniffer.Sniff(header)}");
    }

    public static TheoryData<string, byte[]> UnknownContent => new()
    {
        { "plain text", Ascii("Hello, this is a text file.\n") },
        { "html", Ascii("<!DOCTYPE html><html><body>hi</body></html>") },
        { "json", Ascii("{\"title\":\"not media\"}") },
        { "csv", Ascii("isrc,title\nUSRC17607839,Tone\n") },
        { "shell script", Ascii("#!/bin/sh\nrm -rf /\n") },
        { "zeros", new byte[512] },
        { "plain zip", Zip("readme.txt", "data/values.bin") },
        { "elf executable", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] },
        { "riff of another form", Riff("CDXA", "fmt ") },
        { "ftyp without brand", Ascii("\0\0\0\u0008ftyp") },
        { "mp3 sync with reserved version", [0xFF, 0xEB, 0x90, 0x44] },
        { "mp3 sync with bad bitrate", [0xFF, 0xFB, 0xF0, 0x44] },
        { "bmp lookalike text", Ascii("BMW owners manual, chapter one") },
        { "one ts-like sync byte", Packets(188, 0, 2) },
        { "caff of another version", Ascii("caff\0\u0009\0\0") },
        { "amr lookalike shebang", Ascii("#!AMRX\n") },
        { "nothing", [] },
    };

    [Theory]
    [MemberData(nameof(UnknownContent))]
    public void Sniff_returns_null_for_content_that_is_not_media(string content, byte[] header)
    {
        var result = _sniffer.Sniff(header);

        Assert.True(result is null, $"{content} was sniffed as {result}");
    }

    [Theory]
    [InlineData("tone.mp3")]
    [InlineData("tone.wav")]
    [InlineData("tone.flac")]
    [InlineData("clip.mp4")]
    [InlineData("image.png")]
    [InlineData("image.jpg")]
    [InlineData("document.pdf")]
    public async Task Sniff_does_not_throw_on_any_truncation_of_a_header(string file)
    {
        var header = await HeaderOfAsync(file);

        for (var length = 0; length <= Math.Min(header.Length, 128); length++)
        {
            _sniffer.Sniff(header.AsSpan(0, length));
        }
    }

    [Fact]
    public void HeaderLength_is_enough_for_zip_based_documents()
    {
        Assert.True(_sniffer.HeaderLength >= 4096);
    }

    private async Task<byte[]> HeaderOfAsync(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Samples.File(file));
        return bytes[..Math.Min(bytes.Length, _sniffer.HeaderLength)];
    }

    private static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Riff(string form, string firstChunk) => Ascii($"RIFF\u0024\0\0\0{form}{firstChunk}\u0010\0\0\0");

    private static byte[] Ftyp(string brand) => Ascii($"\0\0\0\u0018ftyp{brand}\0\0\0\0{brand}isom");

    private static byte[] Ogg(string codecHeader) => [.. Ascii("OggS\0\u0002"), .. new byte[22], .. Ascii(codecHeader)];

    private static byte[] Ebml(string docType) =>
        [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0x82, (byte)(0x80 | docType.Length), .. Ascii(docType)];

    private static byte[] Packets(int packetLength, int syncOffset, int count)
    {
        var bytes = new byte[packetLength * count];
        for (var i = 0; i < count; i++)
        {
            bytes[syncOffset + (i * packetLength)] = 0x47;
        }

        return bytes;
    }

    private static byte[] Bmp()
    {
        var header = new byte[54];
        "BM"u8.CopyTo(header);
        header[14] = 40;
        return header;
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<xml/>");
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Odt()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("mimetype", CompressionLevel.NoCompression).Open()))
            {
                writer.Write("application/vnd.oasis.opendocument.text");
            }

            using var content = new StreamWriter(zip.CreateEntry("content.xml").Open());
            content.Write("<office:document-content/>");
        }

        return buffer.ToArray();
    }
}
