using System.ComponentModel.DataAnnotations;

namespace MediaVault.Media.Ffprobe;

/// <summary>Section <c>Tools</c>: where the external tools are and how long they may run.</summary>
public sealed class FfprobeOptions
{
    public const string Section = "Tools";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    [Required]
    public string PdfinfoPath { get; set; } = "pdfinfo";

    [Required]
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <summary>librsvg's command-line renderer, which draws every SVG (<c>Tools__RsvgConvertPath</c>).</summary>
    [Required]
    public string RsvgConvertPath { get; set; } = "rsvg-convert";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the upload-time content probe may run (<c>Tools__ProbeTimeout</c>); a slower probe recognises nothing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
