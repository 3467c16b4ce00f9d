using System.ComponentModel.DataAnnotations;

namespace MediaVault.Core.Processing;

/// <summary>Section <c>Processing</c>: limits that keep hostile or huge media from exhausting a worker.</summary>
public sealed class ProcessingOptions
{
    public const string Section = "Processing";

    /// <summary>Images with more pixels than this are not decoded (decompression bombs); their media fails.</summary>
    [Range(1, long.MaxValue)]
    public long MaxImagePixels { get; set; } = 200_000_000;

    /// <summary>Audio and video longer than this (seconds) fail processing.</summary>
    [Range(1, double.MaxValue)]
    public double MaxDurationSeconds { get; set; } = 6 * 3600;

    /// <summary>
    /// How long rendering one page of a document (a PDF's first page) or one SVG drawing may take; past it the media fails with
    /// <see cref="MediaFailureCode.ProcessingTimeout"/> and is not retried. Kept well under the probe timeout: a page
    /// of nested drawings can keep a renderer busy for minutes, and the worker is needed by other media meanwhile.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PageRenderTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Long-edge sizes of the WebP thumbnails made for images, poster frames and cover art. For images, the smallest
    /// is made while processing and the others right after the media is ready (a separate job), since a large
    /// thumbnail costs a JPEG decode at a finer scale than the small one.
    /// </summary>
    [MinLength(1)]
    public List<int> ThumbnailSizes { get; set; } = [256, 1024];

    /// <summary>How many min/max pairs the audio waveform has.</summary>
    [Range(10, 100_000)]
    public int WaveformPoints { get; set; } = 1000;

    /// <summary>Whether GPS coordinates from EXIF are kept in metadata (off: dropped).</summary>
    public bool KeepGpsMetadata { get; set; }
}
