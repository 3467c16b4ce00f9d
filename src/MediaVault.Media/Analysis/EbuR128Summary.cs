using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaVault.Media.Analysis;

/// <summary>
/// The summary ffmpeg's <c>ebur128</c> filter logs when it closes (integrated loudness, loudness range, true peak),
/// read from the tail of ffmpeg's stderr. A value printed as <c>-inf</c> (digital silence) is null.
/// </summary>
public sealed partial record EbuR128Summary(double? IntegratedLoudness, double? LoudnessRange, double? TruePeak)
{
    /// <summary>Reads the last summary in <paramref name="log"/>; null when there is none.</summary>
    public static EbuR128Summary? Parse(string log)
    {
        var start = log.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var summary = log[start..];
        return new EbuR128Summary(
            Value(IntegratedPattern().Match(summary)),
            Value(RangePattern().Match(summary)),
            Value(TruePeakPattern().Match(summary)));
    }

    private static double? Value(Match match) =>
        match.Success && double.TryParse(match.Groups["v"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : null;

    [GeneratedRegex(@"Integrated loudness:\s*I:\s*(?<v>-?(?:\d+(?:\.\d+)?|inf))\s*LUFS")]
    private static partial Regex IntegratedPattern();

    [GeneratedRegex(@"Loudness range:\s*LRA:\s*(?<v>-?(?:\d+(?:\.\d+)?|inf))\s*LU")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"True peak:\s*Peak:\s*(?<v>-?(?:\d+(?:\.\d+)?|inf))\s*dB")]
    private static partial Regex TruePeakPattern();
}
