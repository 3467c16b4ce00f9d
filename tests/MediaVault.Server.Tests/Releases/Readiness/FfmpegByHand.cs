using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MediaVault.Server.Tests.Releases.Readiness;

/// <summary>ffmpeg's own instruments run by hand on a file, as a person checking the service would run them.</summary>
public static partial class FfmpegByHand
{
    public static async Task<(double Integrated, double Range, double TruePeak)> EbuR128Async(string path)
    {
        var log = await RunAsync("-nostats", "-i", path, "-af", "ebur128=peak=true", "-f", "null", "-");
        var summary = log[log.LastIndexOf("Summary:", StringComparison.Ordinal)..];
        return (Number(IntegratedPattern(), summary), Number(RangePattern(), summary), Number(TruePeakPattern(), summary));
    }

    /// <summary>Leading and trailing silence below −60 dB as <c>silencedetect</c> reports them (0 when it reports none).</summary>
    public static async Task<(double Leading, double Trailing)> SilenceAsync(string path, double duration)
    {
        var log = await RunAsync("-nostats", "-i", path, "-af", "silencedetect=n=-60dB:d=0.5", "-f", "null", "-");
        var starts = StartPattern().Matches(log).Select(m => Parse(m.Groups["v"].Value)).ToList();
        var ends = EndPattern().Matches(log).Select(m => Parse(m.Groups["v"].Value)).ToList();
        var leading = starts.Count > 0 && starts[0] == 0 ? ends[0] : 0;
        var trailing = starts.Count > 0 && starts.Count == ends.Count && Math.Abs(ends[^1] - duration) < 0.01 ? duration - starts[^1] : 0;
        return (leading, trailing);
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in (string[])["-hide_banner", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var log = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, log);
        return log;
    }

    private static double Number(Regex pattern, string text)
    {
        var match = pattern.Match(text);
        Assert.True(match.Success, $"{pattern} not found in {text}");
        return Parse(match.Groups["v"].Value);
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"I:\s*(?<v>-?[\d.]+) LUFS")]
    private static partial Regex IntegratedPattern();

    [GeneratedRegex(@"LRA:\s*(?<v>-?[\d.]+) LU\b")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"True peak:\s*Peak:\s*(?<v>-?[\d.]+) dB")]
    private static partial Regex TruePeakPattern();

    [GeneratedRegex(@"silence_start: (?<v>-?[\d.e+-]+)")]
    private static partial Regex StartPattern();

    [GeneratedRegex(@"silence_end: (?<v>-?[\d.e+-]+)")]
    private static partial Regex EndPattern();
}
