using System.Numerics;

namespace MediaVault.Core.Media;

/// <summary>
/// Compares two Chromaprint fingerprints: slides one along the other (up to <see cref="MaxOffsetPoints"/> either way,
/// so a copy trimmed or padded by a few seconds still lines up) and takes the offset with the lowest bit-error rate over
/// the overlap. The same recording, even re-encoded lossily or trimmed, stays well below <see cref="MatchThreshold"/>;
/// unrelated music sits near 0.5. Audio that hardly changes over time (noise, a drone) looks alike to Chromaprint
/// whatever it is, so a match must also be much closer than the recording is to itself a second or three later
/// (<see cref="SelfDistance"/>): half of that distance at most.
/// </summary>
public static class FingerprintMatcher
{
    /// <summary>Sub-fingerprints per second (Chromaprint's default algorithm: 11025 Hz, 4096-sample frames, 1/3 overlap).</summary>
    public const double PointsPerSecond = 11025.0 / 1365.0;

    /// <summary>About 30 seconds of offset.</summary>
    public const int MaxOffsetPoints = 240;

    /// <summary>Bit-error rate below which two fingerprints are the same recording.</summary>
    public const double MatchThreshold = 0.15;

    /// <summary>Overlap needed for a verdict: about 10 seconds.</summary>
    public const int MinOverlapPoints = 80;

    /// <summary>The best alignment of <paramref name="b"/> against <paramref name="a"/>, or null when they never overlap enough.</summary>
    public static FingerprintMatch? Compare(IReadOnlyList<uint> a, IReadOnlyList<uint> b)
    {
        FingerprintMatch? best = null;
        for (var offset = -MaxOffsetPoints; offset <= MaxOffsetPoints; offset++)
        {
            // b[i] is aligned with a[i + offset].
            var start = Math.Max(0, -offset);
            var end = Math.Min(b.Count, a.Count - offset);
            var overlap = end - start;
            if (overlap < MinOverlapPoints)
            {
                continue;
            }

            long errors = 0;
            for (var i = start; i < end; i++)
            {
                errors += BitOperations.PopCount(a[i + offset] ^ b[i]);
            }

            var rate = errors / (32.0 * overlap);
            if (best is null || rate < best.BitErrorRate)
            {
                best = new FingerprintMatch(rate, offset / PointsPerSecond, overlap / PointsPerSecond);
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same recording.</summary>
    public static bool SameRecording(IReadOnlyList<uint> a, IReadOnlyList<uint> b, out FingerprintMatch? match)
    {
        match = Compare(a, b);
        return match is { BitErrorRate: < MatchThreshold } && match.BitErrorRate < Math.Min(SelfDistance(a), SelfDistance(b)) / 2;
    }

    /// <summary>
    /// The mean bit-error rate between the fingerprint and itself 1, 2 and 3 seconds later: about 0.4 for music, 0.25
    /// or less for stationary sound; 0.5 when it is too short to tell.
    /// </summary>
    public static double SelfDistance(IReadOnlyList<uint> points)
    {
        int[] shifts = [8, 16, 24];
        if (points.Count <= shifts[^1] + MinOverlapPoints)
        {
            return 0.5;
        }

        var total = 0.0;
        foreach (var shift in shifts)
        {
            long errors = 0;
            for (var i = 0; i + shift < points.Count; i++)
            {
                errors += BitOperations.PopCount(points[i] ^ points[i + shift]);
            }

            total += errors / (32.0 * (points.Count - shift));
        }

        return total / shifts.Length;
    }
}
