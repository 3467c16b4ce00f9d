using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Releases;

/// <summary>Which media kinds each release attachment point accepts.</summary>
public static class ReleaseKinds
{
    public static readonly IReadOnlySet<MediaKind> Release = new HashSet<MediaKind>(Enum.GetValues<MediaKind>());

    /// <summary>Tracks take one audio or video file or link.</summary>
    public static readonly IReadOnlySet<MediaKind> Track = new HashSet<MediaKind> { MediaKind.Audio, MediaKind.Video };
}
