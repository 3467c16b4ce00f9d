namespace MediaVault.Core.Processing;

/// <summary>
/// The decoded pixels a rendition was encoded from: 8 bits per sample, interleaved rows, sRGB with 3 or 4 bands (alpha
/// last) or grey with 1 or 2. <see cref="Data"/> is never changed once made, so readers may share it.
/// </summary>
public sealed record RenditionPixels(byte[] Data, int Width, int Height, int Bands)
{
    /// <summary>Bytes held in memory.</summary>
    public long Size => Data.LongLength;
}
