using System.Buffers.Binary;

namespace MediaVault.Media.Ffprobe;

/// <summary>
/// Walks the top-level boxes of an ISO base media file (MP4, MOV) to see whether <c>moov</c> comes before <c>mdat</c>
/// ("faststart": a player can start before the whole file has arrived). Reads box headers only, never more than
/// <see cref="MaxBoxes"/> of them.
/// </summary>
public static class Mp4BoxOrder
{
    public const int MaxBoxes = 256;

    /// <summary>True when <c>moov</c> comes first, false when <c>mdat</c> does; null when neither is found (not ISO BMFF, or damaged).</summary>
    public static bool? MoovBeforeMdat(Stream file)
    {
        Span<byte> header = stackalloc byte[16];
        long position = 0;
        var length = file.Length;
        for (var i = 0; i < MaxBoxes && position + 8 <= length; i++)
        {
            file.Position = position;
            if (file.ReadAtLeast(header[..8], 8, throwOnEndOfStream: false) < 8)
            {
                return null;
            }

            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header[4..8]);
            if (type == "moov")
            {
                return true;
            }

            if (type == "mdat")
            {
                return false;
            }

            if (size == 1)
            {
                if (file.ReadAtLeast(header[8..16], 8, throwOnEndOfStream: false) < 8)
                {
                    return null;
                }

                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(header[8..16]), long.MaxValue);
            }
            else if (size == 0)
            {
                return null;
            }

            if (size < 8)
            {
                return null;
            }

            position += size;
        }

        return null;
    }
}
