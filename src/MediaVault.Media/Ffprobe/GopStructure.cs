using System.Globalization;

namespace MediaVault.Media.Ffprobe;

/// <summary>
/// Whether a video's GOPs are closed, from its packets in decode order (<c>pts,dts,flags</c> lines of ffprobe's CSV
/// output): a GOP is open when a picture decoded after a keyframe (other than the first) is shown before it (a leading
/// picture that references the previous GOP). Reading packets decodes nothing, so this costs a demux of the window only.
/// </summary>
public static class GopStructure
{
    /// <summary>How many packets are read: several GOPs at common keyframe intervals (2 s to 10 s at 30 fps).</summary>
    public const int PacketWindow = 1200;

    /// <summary>True when every GOP in the window is closed (also when the window holds a single GOP); null without packets.</summary>
    public static bool? IsClosed(string csv)
    {
        long? keyframePts = null;
        var keyframes = 0;
        var packets = 0;
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',');
            if (fields.Length < 3 || !long.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var pts))
            {
                continue;
            }

            packets++;
            if (fields[2].Contains('K', StringComparison.Ordinal))
            {
                keyframes++;
                keyframePts = keyframes > 1 ? pts : null;
                continue;
            }

            if (keyframePts is { } key && pts < key)
            {
                return false;
            }
        }

        return packets == 0 ? null : true;
    }
}
