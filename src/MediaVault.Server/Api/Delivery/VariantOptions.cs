using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Section <c>Delivery:Variants</c>: how many on-the-fly variants one image may accumulate, and how much memory keeps
/// recent previews decoded for making them.
/// </summary>
public sealed class VariantOptions
{
    public const string Section = "Delivery:Variants";

    /// <summary>Cached variants per media; a request for a new one beyond this is refused (presets always work).</summary>
    [Range(1, 1000)]
    public int MaxPerMedia { get; set; } = 24;

    /// <summary>
    /// Bytes of decoded 1024 px previews kept per instance (about 2.4 MB each for a 4:3 photo), so a first variant of a
    /// recently processed image skips decoding its preview file; 0 keeps none.
    /// </summary>
    [Range(0, 1L << 30)]
    public long DecodedPreviewBytes { get; set; } = 32L << 20;
}
