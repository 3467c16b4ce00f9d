namespace MediaVault.Core.Media;

/// <summary>What a media is, decided from its sniffed content (never from its name or declared type alone).</summary>
public enum MediaKind
{
    Audio,
    Video,
    Image,
    Document,
}
