using System.Buffers.Binary;

namespace MediaVault.Core.Media;

/// <summary>Converts Chromaprint sub-fingerprints to and from <see cref="MediaFingerprint.Points"/> (little-endian).</summary>
public static class FingerprintPoints
{
    public static byte[] ToBytes(IReadOnlyList<uint> points)
    {
        var bytes = new byte[points.Count * 4];
        for (var i = 0; i < points.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), points[i]);
        }

        return bytes;
    }

    public static uint[] FromBytes(byte[] bytes)
    {
        var points = new uint[bytes.Length / 4];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4));
        }

        return points;
    }
}
