using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

public sealed class FingerprintMatcherTests
{
    [Fact]
    public void A_trimmed_copy_with_some_bit_errors_is_the_same_recording_at_its_offset()
    {
        var random = new Random(7);
        var original = Points(random, 400);
        var copy = original.Skip(24).Select(p => random.NextDouble() < 0.5 ? p ^ (1u << random.Next(32)) ^ (1u << random.Next(32)) : p).ToArray();
        Assert.InRange(FingerprintMatcher.SelfDistance(original), 0.45, 0.55);

        Assert.True(FingerprintMatcher.SameRecording(original, copy, out var match));
        Assert.Equal(24 / FingerprintMatcher.PointsPerSecond, match!.OffsetSeconds, 6);
        Assert.InRange(match.BitErrorRate, 0.01, 0.05);
    }

    [Fact]
    public void Different_recordings_are_not_the_same()
    {
        var random = new Random(8);

        Assert.False(FingerprintMatcher.SameRecording(Points(random, 400), Points(random, 400), out var match));
        Assert.InRange(match!.BitErrorRate, 0.4, 0.5);
    }

    [Fact]
    public void Too_little_overlap_gives_no_verdict()
    {
        var random = new Random(9);

        Assert.Null(FingerprintMatcher.Compare(Points(random, 50), Points(random, 400)));
    }

    [Fact]
    public void Stationary_sound_that_looks_alike_is_not_called_the_same_recording()
    {
        // Two "noises": every point a small variation of one pattern, so they are close to each other and to themselves.
        var random = new Random(10);
        var pattern = (uint)random.NextInt64(0, uint.MaxValue + 1L);
        uint[] Noise() => Enumerable.Range(0, 300).Select(_ => pattern ^ (uint)random.Next(0, 1 << 4) ^ (uint)random.Next(0, 1 << 4) << 16).ToArray();
        var (a, b) = (Noise(), Noise());

        Assert.True(FingerprintMatcher.Compare(a, b)!.BitErrorRate < FingerprintMatcher.MatchThreshold);
        Assert.False(FingerprintMatcher.SameRecording(a, b, out _));
    }

    private static uint[] Points(Random random, int count) => Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(0, uint.MaxValue + 1L)).ToArray();
}
