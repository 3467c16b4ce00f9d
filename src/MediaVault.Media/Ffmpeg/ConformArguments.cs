using System.Globalization;
using MediaVault.Core.Compatibility;

namespace MediaVault.Media.Ffmpeg;

/// <summary>
/// The ffmpeg output options that make a <see cref="ConformPlan"/>'s video: H.264 High 4:2:0 8-bit with closed GOPs of
/// two seconds, capped VBR (CRF 21 under a maximum rate), AAC-LC 48 kHz, MP4 with the index first (faststart), tags
/// dropped. The benchmark runs ffmpeg by hand with exactly these options.
/// </summary>
public static class ConformArguments
{
    public static List<string> Video(ConformPlan plan, double sourceFrameRate)
    {
        var fps = plan.FrameRate ?? (sourceFrameRate > 0 ? sourceFrameRate : 30);
        var gop = Math.Max(1, (int)Math.Round(fps * 2));
        var arguments = new List<string> { "-map", "0:v:0" };
        if (plan.HasAudio)
        {
            arguments.AddRange(["-map", "0:a:0"]);
        }

        arguments.AddRange(
        [
            "-vf", Filters(plan),
            "-c:v", "libx264", "-profile:v", "high", "-pix_fmt", "yuv420p", "-preset", "veryfast", "-crf", "21",
            "-maxrate", Kbps(plan.MaxVideoKbps), "-bufsize", Kbps(plan.MaxVideoKbps * 2),
            "-g", gop.ToString(CultureInfo.InvariantCulture), "-bf", "2", "-x264-params", "open-gop=0",
        ]);
        if (plan.HasAudio)
        {
            arguments.AddRange(["-c:a", "aac", "-profile:a", "aac_low", "-b:a", Kbps(plan.AudioKbps), "-ar", "48000", "-ac", plan.AudioChannels.ToString(CultureInfo.InvariantCulture)]);
        }
        else
        {
            arguments.Add("-an");
        }

        if (plan.TrimSeconds is { } seconds)
        {
            arguments.AddRange(["-t", seconds.ToString("0.###", CultureInfo.InvariantCulture)]);
        }

        arguments.AddRange(["-sn", "-dn", "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4"]);
        return arguments;
    }

    /// <summary>The filter chain: deinterlace, crop or scale-and-pad to the frame, frame rate, square pixels, 4:2:0.</summary>
    public static string Filters(ConformPlan plan)
    {
        var filters = new List<string>();
        if (plan.Deinterlace)
        {
            filters.Add("bwdif=mode=send_frame");
        }

        if (plan.CropWidth is { } cropWidth && plan.CropHeight is { } cropHeight)
        {
            filters.Add(Invariant($"crop={cropWidth}:{cropHeight}"));
            filters.Add(Invariant($"scale={plan.Width}:{plan.Height}"));
        }
        else if (plan.ContentWidth != plan.Width || plan.ContentHeight != plan.Height)
        {
            filters.Add(Invariant($"scale={plan.ContentWidth}:{plan.ContentHeight}"));
            filters.Add(Invariant($"pad={plan.Width}:{plan.Height}:(ow-iw)/2:(oh-ih)/2:black"));
        }
        else
        {
            filters.Add(Invariant($"scale={plan.Width}:{plan.Height}"));
        }

        if (plan.FrameRate is { } rate)
        {
            filters.Add("fps=" + rate.ToString("0.###", CultureInfo.InvariantCulture));
        }

        filters.Add("setsar=1");
        filters.Add("format=yuv420p");
        return string.Join(',', filters);
    }

    private static string Kbps(int kbps) => kbps.ToString(CultureInfo.InvariantCulture) + "k";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
