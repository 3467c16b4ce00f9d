using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api.Delivery;

/// <summary>Section <c>Delivery:Variants</c>: how many on-the-fly variants one image may accumulate.</summary>
public sealed class VariantOptions
{
    public const string Section = "Delivery:Variants";

    /// <summary>Cached variants per media; a request for a new one beyond this is refused (presets always work).</summary>
    [Range(1, 1000)]
    public int MaxPerMedia { get; set; } = 24;
}
