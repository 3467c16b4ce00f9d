using MediaVault.Media.Analysis;

namespace MediaVault.Media.Tests.Analysis;

public sealed class PcmLevelsTests
{
    [Fact]
    public void Silence_counts_frames_where_every_channel_is_below_the_threshold()
    {
        var levels = new PcmLevels(channels: 2, sampleRate: 10);
        // 3 silent frames, a frame loud on the right only, 1 loud frame, then 5 silent frames.
        levels.Add([0f, 0f, 0.0005f, -0.0005f, 0f, 0f, 0f, 0.5f, -1f, 1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f]);

        Assert.Equal(0.3, levels.LeadingSilence, 6);
        Assert.Equal(0.5, levels.TrailingSilence, 6);
        Assert.Equal(2, levels.ClippedSamples);
        Assert.Equal(0, levels.SamplePeakDb!.Value, 6);
    }

    [Fact]
    public void Blocks_may_split_a_frame()
    {
        var levels = new PcmLevels(channels: 2, sampleRate: 10);
        levels.Add([0f, 0f, 0f]);
        levels.Add([0.25f, 0f, 0f]);

        Assert.Equal(0.1, levels.LeadingSilence, 6);
        Assert.Equal(0.1, levels.TrailingSilence, 6);
        Assert.Equal(20 * Math.Log10(0.25), levels.SamplePeakDb!.Value, 4);
    }
}
