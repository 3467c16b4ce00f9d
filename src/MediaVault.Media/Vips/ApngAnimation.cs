using System.Buffers.Binary;

namespace MediaVault.Media.Vips;

/// <summary>
/// The frame count and duration of an animated PNG, from its <c>acTL</c> and <c>fcTL</c> chunks: a bounded walk over
/// the chunk headers (everything else is skipped, nothing is decoded or checksummed). libvips reads an APNG as its
/// still default image.
/// </summary>
public static class ApngAnimation
{
    /// <summary>Most chunks looked at; an APNG has about two per frame.</summary>
    public const int MaxChunks = 100_000;

    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Frames and total duration in seconds, or null for a still PNG (no <c>acTL</c> before the image data, or fewer than two frames described).</summary>
    public static (int Frames, double Duration)? Read(Stream file)
    {
        Span<byte> header = stackalloc byte[8];
        if (file.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8 || !header.SequenceEqual(Signature))
        {
            return null;
        }

        Span<byte> data = stackalloc byte[26];
        var position = 8L;
        var frames = 0;
        var controls = 0;
        var duration = 0.0;
        for (var i = 0; i < MaxChunks && position + 12 <= file.Length; i++)
        {
            file.Position = position;
            if (file.ReadAtLeast(header, 8, throwOnEndOfStream: false) < 8)
            {
                break;
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = header[4..8];
            if (type.SequenceEqual("IEND"u8) || length > int.MaxValue)
            {
                break;
            }

            if (type.SequenceEqual("IDAT"u8) && frames == 0)
            {
                // acTL must come before the image data; without it this is a still PNG.
                return null;
            }

            if (type.SequenceEqual("acTL"u8) && length == 8 && file.ReadAtLeast(data[..8], 8, throwOnEndOfStream: false) == 8)
            {
                frames = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);
            }
            else if (type.SequenceEqual("fcTL"u8) && length == 26 && frames > 0 && controls < frames
                && file.ReadAtLeast(data, 26, throwOnEndOfStream: false) == 26)
            {
                controls++;
                duration += Delay(BinaryPrimitives.ReadUInt16BigEndian(data[20..]), BinaryPrimitives.ReadUInt16BigEndian(data[22..]));
            }

            position += 12L + length;
        }

        // Frames the acTL promises but no fcTL describes are not shown by any viewer.
        return frames > 1 && controls > 1 ? (Math.Min(frames, controls), Math.Round(duration, 3)) : null;
    }

    /// <summary>A frame's delay in seconds; a denominator of 0 means hundredths.</summary>
    private static double Delay(ushort numerator, ushort denominator) => numerator / (double)(denominator == 0 ? 100 : denominator);
}
