using MediaVault.Media.Analysis;

namespace MediaVault.Media.Tests.Analysis;

public sealed class EbuR128SummaryTests
{
    private const string Log = """
        [Parsed_ebur128_0 @ 0x55eebbb3dc40] Summary:

          Integrated loudness:
            I:         -27.8 LUFS
            Threshold: -37.9 LUFS

          Loudness range:
            LRA:         4.8 LU
            Threshold: -48.4 LUFS
            LRA low:   -32.5 LUFS
            LRA high:  -27.8 LUFS

          True peak:
            Peak:       -0.3 dBFS
        """;

    [Fact]
    public void Reads_integrated_loudness_range_and_true_peak_of_ffmpeg_5()
    {
        Assert.Equal(new EbuR128Summary(-27.8, 4.8, -0.3), EbuR128Summary.Parse("Stream #0:0: Audio: pcm_s16le\n" + Log));
    }

    [Fact]
    public void Minus_infinity_is_left_out()
    {
        Assert.Null(EbuR128Summary.Parse(Log.Replace("-0.3 dBFS", "-inf dBFS", StringComparison.Ordinal))!.TruePeak);
    }

    [Fact]
    public void No_summary_is_null()
    {
        Assert.Null(EbuR128Summary.Parse("Conversion failed!"));
    }
}
