namespace MediaVault.Core.Media;

/// <summary>A label on a media. Tags compare case-insensitively (<see cref="Key"/>) and keep the spelling first written in the workspace.</summary>
public sealed class MediaTag
{
    public required string MediaId { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>1–64 characters, trimmed, as first written in the workspace.</summary>
    public required string Tag { get; set; }

    /// <summary><see cref="Tag"/> lower-cased (invariant): what makes two tags the same.</summary>
    public required string Key { get; set; }

    /// <summary><see cref="Tag"/> folded by <see cref="MediaSearchText.Normalize"/>: what <c>q</c> searches.</summary>
    public required string SearchKey { get; set; }

    /// <summary>Order within the media's tags.</summary>
    public int Position { get; set; }

    public static string KeyOf(string tag) => tag.Trim().ToLowerInvariant();
}
