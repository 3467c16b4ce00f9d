namespace MediaVault.Core.Media;

/// <summary>
/// The keys of a media's technical metadata (<see cref="MediaItem.MetadataJson"/>): written by the extractors in
/// MediaVault.Media, read by processing and by the API views in MediaVault.Server. The stored JSON is part of the
/// data, so a key's text never changes; units are in each key's description.
/// </summary>
public static class MetadataKeys
{
    /// <summary>Playing time in seconds (a number; for animated images, the sum of frame delays).</summary>
    public const string Duration = "duration";

    /// <summary>Displayed width in pixels (after EXIF orientation for images).</summary>
    public const string Width = "width";

    /// <summary>Displayed height in pixels (after EXIF orientation for images).</summary>
    public const string Height = "height";

    /// <summary>Overall bit rate in kbit/s (a string).</summary>
    public const string Bitrate = "bitrate";

    /// <summary>Audio sample rate in Hz.</summary>
    public const string SampleRate = "sampleRate";

    /// <summary>Audio channel count (a string).</summary>
    public const string Channels = "channels";

    /// <summary>Bits per audio sample (a string).</summary>
    public const string BitDepth = "bitDepth";

    /// <summary>Frames per second of the video stream.</summary>
    public const string FrameRate = "frameRate";

    /// <summary>The main stream's codec as ffprobe names it.</summary>
    public const string Codec = "codec";

    /// <summary>The video stream's codec; absent when there is no real video stream.</summary>
    public const string VideoCodec = "videoCodec";

    /// <summary>The audio stream's codec alongside a video stream.</summary>
    public const string AudioCodec = "audioCodec";

    /// <summary>The container format ffprobe reports (e.g. <c>mov,mp4,m4a</c>, <c>flac</c>).</summary>
    public const string Container = "container";

    /// <summary>True when an audio file carries an embedded picture.</summary>
    public const string HasCoverArt = "hasCoverArt";

    /// <summary>Normalised tags (title, artist, isrc…), an object.</summary>
    public const string Tags = "tags";

    /// <summary>Frames of an animated image.</summary>
    public const string FrameCount = "frameCount";

    /// <summary>Pages of a multi-page image.</summary>
    public const string Pages = "pages";

    /// <summary>Pages of a PDF document.</summary>
    public const string PageCount = "pageCount";

    /// <summary>True for an encrypted PDF.</summary>
    public const string Encrypted = "encrypted";

    /// <summary>What a library client declared at creation (type, fileSize, width, height, duration, sha256), an object.</summary>
    public const string Declared = "declared";

    /// <summary>The declared SHA-256 inside <see cref="Declared"/> (lower-case hex).</summary>
    public const string DeclaredSha256 = "sha256";
}
