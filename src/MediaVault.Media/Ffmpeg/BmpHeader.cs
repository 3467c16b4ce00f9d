using System.Buffers.Binary;

namespace MediaVault.Media.Ffmpeg;

/// <summary>The pixel size a BMP declares, read from its file and info headers (nothing decoded).</summary>
public static class BmpHeader
{
    /// <summary>Bytes needed from the start of the file.</summary>
    public const int Length = 26;

    /// <summary>Width and height (a top-down BMP's negative height counted as positive), or null when the header is not a BMP's.</summary>
    public static (long Width, long Height)? ReadSize(ReadOnlySpan<byte> head)
    {
        if (head.Length < Length || !head.StartsWith("BM"u8))
        {
            return null;
        }

        var infoSize = BinaryPrimitives.ReadUInt32LittleEndian(head[14..]);
        (long width, long height) = infoSize == 12
            ? (BinaryPrimitives.ReadUInt16LittleEndian(head[18..]), BinaryPrimitives.ReadUInt16LittleEndian(head[20..]))
            : ((long)BinaryPrimitives.ReadInt32LittleEndian(head[18..]), Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(head[22..])));
        return infoSize is 12 or 16 or 40 or 52 or 56 or 64 or 108 or 124 && width > 0 && height > 0 ? (width, height) : null;
    }
}
