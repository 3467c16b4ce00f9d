namespace MediaVault.Core.Compatibility;

/// <summary>How a conformed rendition reaches an allowed shape.</summary>
public static class ConformFits
{
    /// <summary>Letterbox: the whole picture, with bars (black for video, white for images).</summary>
    public const string Pad = "pad";

    /// <summary>Centre crop: the frame filled, the edges of the longer side cut off.</summary>
    public const string Crop = "crop";
}
