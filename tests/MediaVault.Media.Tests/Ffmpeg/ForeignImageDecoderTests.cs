using System.Buffers.Binary;
using MediaVault.Core.Processing;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Processes;
using MediaVault.Media.Vips;
using MediaVault.Tests.Images;
using Microsoft.Extensions.Options;
using NetVips;

namespace MediaVault.Media.Tests.Ffmpeg;

/// <summary>
/// BMP and JPEG XL, whose libvips loaders are untrusted, are decoded by the jailed ffmpeg into a PNG that libvips reads:
/// metadata, thumbnails and variants work, and the header's pixel count is checked before ffmpeg ever runs.
/// </summary>
public sealed class ForeignImageDecoderTests : IDisposable
{
    private readonly ImageCorpus _corpus = ImageCorpus.Create();
    private readonly IOptions<ProcessingOptions> _processing = Options.Create(new ProcessingOptions());

    public void Dispose() => _corpus.Dispose();

    public static TheoryData<string, ToolSandbox> Formats() => new()
    {
        { "bmp", ToolSandbox.Bubblewrap }, { "bmp", ToolSandbox.None }, { "jxl", ToolSandbox.Bubblewrap }, { "jxl", ToolSandbox.None },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_bmp_or_jxl_gets_its_metadata_thumbnails_and_a_variant(string format, ToolSandbox sandbox)
    {
        var path = format == "bmp" ? await _corpus.BmpAsync() : await _corpus.JxlAsync();
        var vips = Thumbnailer(sandbox);

        var metadata = await new VipsImageMetadataExtractor(vips, _processing).ExtractAsync(path, "image/" + format, CancellationToken.None);
        var thumbnails = await ImageThumbnailGenerator.WriteThumbnailsAsync(vips, [256, 1024], path, _corpus.Directory, CancellationToken.None);
        var variant = Path.Combine(_corpus.Directory, "variant.png");
        var variantSize = await vips.WriteVariantAsync(path, new Core.Media.ImageVariant(40, 40, "cover", "png", 80), variant, CancellationToken.None);

        Assert.Equal((ImageCorpus.StillWidth, ImageCorpus.StillHeight), ((int)metadata["width"]!, (int)metadata["height"]!));
        Assert.Equal(format, (string?)metadata["format"]);
        Assert.False((bool)metadata["hasAlpha"]!);
        Assert.Equal((ImageCorpus.StillWidth, ImageCorpus.StillHeight), (thumbnails[1].Width, thumbnails[1].Height));
        Assert.Equal((256, 144), (thumbnails[0].Width, thumbnails[0].Height));
        using var webp = Image.NewFromFile(thumbnails[0].LocalPath);
        Assert.Equal(256, webp.Width);
        Assert.Equal((40, 40), variantSize);
    }

    [Fact]
    public async Task A_bmp_with_alpha_reports_it()
    {
        var metadata = await new VipsImageMetadataExtractor(Thumbnailer(ToolSandbox.Bubblewrap), _processing)
            .ExtractAsync(await _corpus.BmpAsync(alpha: true), "image/bmp", CancellationToken.None);

        Assert.True((bool)metadata["hasAlpha"]!);
    }

    [Fact]
    public async Task Without_the_decoder_libvips_still_refuses_a_bmp_and_a_jxl()
    {
        var vips = new VipsThumbnailer(_processing);
        var (bmp, jxl) = (await _corpus.BmpAsync(), await _corpus.JxlAsync());

        await Assert.ThrowsAsync<MediaUnreadableException>(() => vips.InspectAsync(bmp, i => i.Width, CancellationToken.None));
        await Assert.ThrowsAsync<MediaUnreadableException>(() => vips.InspectAsync(jxl, i => i.Width, CancellationToken.None));
    }

    [Theory]
    [InlineData("bmp")]
    [InlineData("jxl")]
    public async Task A_header_past_the_pixel_limit_is_refused_before_ffmpeg_runs(string format)
    {
        var path = Path.Combine(_corpus.Directory, "bomb." + format);
        await File.WriteAllBytesAsync(path, format == "bmp" ? BmpDeclaring(100_000, 100_000) : JxlDeclaring(100_000));
        // A missing ffmpeg would fail with "could not be decoded": only the header check can give too_many_pixels.
        var decoder = new FfmpegImageDecoder(new ProcessRunner(), Options.Create(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg" }), _processing);

        var ex = await Assert.ThrowsAsync<MediaUnreadableException>(() => new VipsThumbnailer(_processing, decoder).InspectAsync(path, i => i.Width, CancellationToken.None));

        Assert.Equal(MediaFailureCode.TooManyPixels, ex.Code);
    }

    [Fact]
    public async Task The_declared_size_is_read_from_bmp_and_jxl_headers_bare_or_boxed()
    {
        var bmp = await File.ReadAllBytesAsync(await _corpus.BmpAsync());
        var jxl = await File.ReadAllBytesAsync(await _corpus.JxlAsync());
        using var boxed = new MemoryStream(Boxed(jxl, legacy: false));
        using var legacy = new MemoryStream(Boxed(jxl, legacy: true));
        using var bare = new MemoryStream(jxl);

        Assert.Equal((ImageCorpus.StillWidth, ImageCorpus.StillHeight), BmpHeader.ReadSize(bmp));
        Assert.Equal((ImageCorpus.StillWidth, ImageCorpus.StillHeight), JxlHeader.ReadSize(bare));
        Assert.Equal((ImageCorpus.StillWidth, ImageCorpus.StillHeight), JxlHeader.ReadSize(boxed));
        Assert.Equal((ImageCorpus.StillWidth, ImageCorpus.StillHeight), JxlHeader.ReadSize(legacy));
        Assert.Equal((100_000, 100_000), JxlHeader.ReadSize(JxlDeclaring(100_000)));
        Assert.Equal((240 * 4 / 3, 240), JxlHeader.ReadSize((byte[])[0xFF, 0x0A, 0xFB, 0x06]));
        Assert.Null(BmpHeader.ReadSize("BMxxxxxxxxxxxxxxxxxxxxxxxxxx"u8));
    }

    /// <summary>A BMP file and info header declaring <paramref name="width"/>×<paramref name="height"/>, and no pixels.</summary>
    private static byte[] BmpDeclaring(int width, int height)
    {
        var bytes = new byte[54];
        "BM"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(2), 54);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), height);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(28), 24);
        return bytes;
    }

    /// <summary>A JPEG XL codestream signature and a square SizeHeader of <paramref name="side"/> (18-bit dimension), then nothing.</summary>
    private static byte[] JxlDeclaring(int side)
    {
        // small = 0, selector 2 (18 bits), ysize - 1, ratio 1 (square): bits least significant first.
        ulong bits = 0;
        var at = 0;
        void Put(ulong value, int count)
        {
            bits |= value << at;
            at += count;
        }

        Put(0, 1);
        Put(2, 2);
        Put((ulong)side - 1, 18);
        Put(1, 3);
        var bytes = new byte[2 + 8];
        bytes[0] = 0xFF;
        bytes[1] = 0x0A;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(2), bits);
        return bytes;
    }

    /// <summary>
    /// The codestream in the ISO BMFF-style container: signature box, ftyp, an Exif box, then jxlc with a 64-bit size
    /// (after the type, or in early libjxl's <paramref name="legacy"/> layout before it).
    /// </summary>
    private static byte[] Boxed(byte[] codestream, bool legacy)
    {
        using var output = new MemoryStream();
        output.Write([0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A]);
        output.Write([0, 0, 0, 20, .. "ftypjxl \0\0\0\0jxl "u8]);
        output.Write([0, 0, 0, 16, .. "Exif"u8, 0, 0, 0, 0, 0, 0, 0, 0]);
        var size = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(size, (ulong)(16 + codestream.Length));
        output.Write(legacy ? [0, 0, 0, 1, .. size, .. "jxlc"u8, .. codestream] : [0, 0, 0, 1, .. "jxlc"u8, .. size, .. codestream]);
        return output.ToArray();
    }

    private VipsThumbnailer Thumbnailer(ToolSandbox sandbox) =>
        new(_processing, new FfmpegImageDecoder(new ProcessRunner(Options.Create(new SandboxOptions { Sandbox = sandbox })), Options.Create(new FfmpegOptions()), _processing));
}
