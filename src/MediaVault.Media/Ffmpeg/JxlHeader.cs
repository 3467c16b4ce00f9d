using System.Buffers.Binary;

namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// The pixel size a JPEG XL declares in its codestream's SizeHeader (ISO/IEC 18181-1), from a bare codestream or from
/// the <c>jxlc</c>/<c>jxlp</c> box of the container, found by a bounded walk over the boxes (nothing decoded).
/// </summary>
public static class JxlHeader
{
    private const int MaxBoxes = 64;

    /// <summary>Enough codestream bytes for the signature and the largest SizeHeader (2 + 1 + 2×32 bits).</summary>
    private const int CodestreamHead = 12;

    private static readonly byte[] Container = [0, 0, 0, 0x0C, 0x4A, 0x58, 0x4C, 0x20, 0x0D, 0x0A, 0x87, 0x0A];

    /// <summary>(numerator, denominator) of the fixed aspect ratios 1–7 (0: the width is stored).</summary>
    private static readonly (int Num, int Den)[] Ratios = [(1, 1), (1, 1), (12, 10), (4, 3), (3, 2), (16, 9), (5, 4), (2, 1)];

    /// <summary>Width and height, or null when the file is not a JPEG XL whose size could be found.</summary>
    public static (long Width, long Height)? ReadSize(Stream file)
    {
        Span<byte> head = stackalloc byte[Container.Length];
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < 2)
        {
            return null;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0x0A]))
        {
            file.Position = 0;
            return ReadCodestream(file, CodestreamHead);
        }

        return head.SequenceEqual(Container) ? ReadContainer(file) : null;
    }

    /// <summary>The size from the SizeHeader that follows the codestream signature <c>FF 0A</c>.</summary>
    public static (long Width, long Height)? ReadSize(ReadOnlySpan<byte> codestream)
    {
        if (codestream.Length < 2 || codestream[0] != 0xFF || codestream[1] != 0x0A)
        {
            return null;
        }

        var bits = new BitReader(codestream[2..]);
        var small = bits.Read(1) == 1;
        var height = small ? (bits.Read(5) + 1) * 8 : ReadDimension(ref bits);
        var ratio = (int)bits.Read(3);
        var width = ratio != 0 ? height * (ulong)Ratios[ratio].Num / (ulong)Ratios[ratio].Den
            : small ? (bits.Read(5) + 1) * 8
            : ReadDimension(ref bits);
        return bits.Overrun ? null : ((long)width, (long)height);
    }

    private static (long Width, long Height)? ReadContainer(Stream file)
    {
        Span<byte> box = stackalloc byte[16];
        Span<byte> type = stackalloc byte[4];
        var position = (long)Container.Length;
        for (var i = 0; i < MaxBoxes && position < file.Length; i++)
        {
            file.Position = position;
            if (file.ReadAtLeast(box[..8], 8, throwOnEndOfStream: false) < 8)
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(box);
            box[4..8].CopyTo(type);
            var headerLength = 8L;
            if (size == 1)
            {
                if (file.ReadAtLeast(box[8..16], 8, throwOnEndOfStream: false) < 8)
                {
                    return null;
                }

                // Early libjxl tools wrote the 64-bit size before the type (libjxl's test file
                // square-extended-size-container.jxl, which its decoder reads): a type of non-letters means that layout.
                var legacy = !IsBoxType(type);
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(legacy ? box[4..12] : box[8..16]), long.MaxValue);
                if (legacy)
                {
                    box[12..16].CopyTo(type);
                }

                headerLength = 16;
            }
            else if (size == 0)
            {
                size = file.Length - position;
            }

            if (size < headerLength)
            {
                return null;
            }

            if (type.SequenceEqual("jxlc"u8) || type.SequenceEqual("jxlp"u8))
            {
                // A jxlp box starts with its 4-byte part index.
                var skip = type.SequenceEqual("jxlp"u8) ? 4 : 0;
                file.Position = position + headerLength + skip;
                return ReadCodestream(file, (int)Math.Min(CodestreamHead, size - headerLength - skip));
            }

            position += size;
        }

        return null;
    }

    private static bool IsBoxType(ReadOnlySpan<byte> type) => !type.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);

    private static (long Width, long Height)? ReadCodestream(Stream file, int length)
    {
        if (length < 3)
        {
            return null;
        }

        Span<byte> codestream = stackalloc byte[CodestreamHead];
        var read = file.ReadAtLeast(codestream[..length], length, throwOnEndOfStream: false);
        return ReadSize(codestream[..read]);
    }

    /// <summary>U32(BitsOffset(9, 1), BitsOffset(13, 1), BitsOffset(18, 1), BitsOffset(30, 1)).</summary>
    private static ulong ReadDimension(ref BitReader bits) => bits.Read(bits.Read(2) switch { 0 => 9, 1 => 13, 2 => 18, _ => 30 }) + 1;

    /// <summary>JPEG XL packs fields least significant bit first.</summary>
    private ref struct BitReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _position;

        public bool Overrun { get; private set; }

        public ulong Read(int count)
        {
            ulong value = 0;
            for (var i = 0; i < count; i++, _position++)
            {
                if (_position / 8 >= _bytes.Length)
                {
                    Overrun = true;
                    return 0;
                }

                value |= (ulong)((_bytes[_position / 8] >> (_position % 8)) & 1) << i;
            }

            return value;
        }
    }
}
