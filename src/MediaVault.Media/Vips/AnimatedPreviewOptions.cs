using System.ComponentModel.DataAnnotations;

namespace MediaVault.Media.Vips;

/// <summary>
/// Section <c>Processing:AnimatedPreview</c>: the animated WebP preview of an animated GIF or WebP
/// (<c>animated.webp</c>), and the caps that keep a 10000-frame or huge-frame animation from exhausting a worker.
/// </summary>
public sealed class AnimatedPreviewOptions
{
    public const string Section = "Processing:AnimatedPreview";

    /// <summary>Long edge of the preview's frames, in pixels (never enlarged).</summary>
    [Range(16, 2048)]
    public int LongEdge { get; set; } = 512;

    /// <summary>At most this many frames (the first ones) are kept.</summary>
    [Range(2, 100_000)]
    public int MaxFrames { get; set; } = 300;

    /// <summary>
    /// At most this many source pixels (frames kept × frame width × height) are decoded: a large animation keeps
    /// fewer frames. Fewer than two frames within it: no animated preview.
    /// </summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 150_000_000;
}
