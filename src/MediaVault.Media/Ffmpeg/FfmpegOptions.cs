using System.ComponentModel.DataAnnotations;

namespace MediaVault.Media.Ffmpeg;

/// <summary>Section <c>Tools</c>: the ffmpeg binary and how long one run may take.</summary>
public sealed class FfmpegOptions
{
    public const string Section = "Tools";

    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Longest an ffmpeg run may take (decoding a long file for its waveform is the slowest).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "06:00:00")]
    public TimeSpan FfmpegTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Chromaprint's <c>fpcalc</c> (Debian's <c>libchromaprint-tools</c>), which fingerprints release audio.</summary>
    [Required]
    public string FpcalcPath { get; set; } = "fpcalc";

    /// <summary>Longest one conform encode (<c>POST /v2/media/{id}/conform</c>) may take before it is stopped and the rendition fails.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "12:00:00")]
    public TimeSpan ConformTimeout { get; set; } = TimeSpan.FromMinutes(30);
}
