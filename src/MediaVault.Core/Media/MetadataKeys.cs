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

    /// <summary>The video stream's codec profile as ffprobe names it (e.g. <c>High</c>, <c>Main 10</c>).</summary>
    public const string VideoProfile = "videoProfile";

    /// <summary>The video stream's pixel format (e.g. <c>yuv420p</c>, <c>yuv420p10le</c>).</summary>
    public const string PixelFormat = "pixelFormat";

    /// <summary>Chroma subsampling of the video (<c>4:2:0</c>, <c>4:2:2</c>, <c>4:4:4</c>, <c>4:0:0</c>), from the pixel format.</summary>
    public const string ChromaSubsampling = "chromaSubsampling";

    /// <summary>Bits per video sample (a number: 8, 10, 12), from the pixel format.</summary>
    public const string VideoBitDepth = "videoBitDepth";

    /// <summary><c>progressive</c>, <c>interlaced</c> or <c>unknown</c>, from the stream's field order.</summary>
    public const string ScanType = "scanType";

    /// <summary>Clockwise degrees a player turns the video (0, 90, 180, 270), from the display matrix.</summary>
    public const string Rotation = "rotation";

    /// <summary>Displayed width ÷ height (a number), after the sample aspect ratio and the rotation.</summary>
    public const string DisplayAspectRatio = "displayAspectRatio";

    /// <summary>The video stream's bit rate in kbit/s (a number), when the container states it.</summary>
    public const string VideoBitrate = "videoBitrate";

    /// <summary>The audio stream's bit rate in kbit/s (a number), when the container states it.</summary>
    public const string AudioBitrate = "audioBitrate";

    /// <summary>True when no picture after a keyframe (in decode order) is shown before it: every GOP is closed.</summary>
    public const string ClosedGop = "closedGop";

    /// <summary>For MP4/MOV: true when the <c>moov</c> box comes before <c>mdat</c> (playback can start while downloading).</summary>
    public const string Faststart = "faststart";

    /// <summary>Width ÷ height of one stored pixel (a number; 1 for square pixels), from the sample aspect ratio.</summary>
    public const string PixelAspectRatio = "pixelAspectRatio";
}
