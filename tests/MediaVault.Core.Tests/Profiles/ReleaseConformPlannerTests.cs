using MediaVault.Core.Profiles;

namespace MediaVault.Core.Tests.Profiles;

public sealed class ReleaseConformPlannerTests
{
    private static readonly MediaProfile Distributor = BuiltIn("distributor");
    private static readonly MediaProfile Spotify = BuiltIn("spotify");

    [Fact]
    public void A_hi_res_wav_is_resampled_to_what_the_profile_takes_as_flac()
    {
        var facts = Audio("wav", sampleRate: 96000, bitDepth: 24, channels: 2);

        var target = Plan(Distributor, "audio", facts);

        Assert.NotNull(target);
        Assert.Equal("flac", target.Container);
        Assert.Equal(44100, target.SampleRate);
        Assert.Null(target.BitDepth);
        Assert.Equal(["sample_rate"], target.Fixes);
        Assert.Equal("conformed-distributor.flac", target.RenditionName);
    }

    [Fact]
    public void A_32_bit_master_is_lowered_to_24_bit()
    {
        var target = Plan(Spotify, "audio", Audio("flac", sampleRate: 48000, bitDepth: 32, channels: 2));

        Assert.Equal(24, target!.BitDepth);
        Assert.Null(target.SampleRate);
        Assert.Equal(["bit_depth"], target.Fixes);
    }

    [Fact]
    public void Mono_clipped_or_lossy_audio_is_never_conformed()
    {
        Assert.Null(Plan(Distributor, "audio", Audio("wav", 44100, 16, channels: 1).Set("clippedSamples", 5000).Set("truePeak", 0.4)));
        Assert.Null(Plan(Spotify, "audio", Audio("mp3", 44100, null, channels: 2, lossless: false)));
    }

    [Fact]
    public void An_upsampled_rate_is_never_raised()
    {
        Assert.Null(Plan(Spotify, "audio", Audio("flac", sampleRate: 22050, bitDepth: 16, channels: 2)));
    }

    [Fact]
    public void Cmyk_art_becomes_srgb_and_almost_square_art_is_cropped_but_small_art_is_left()
    {
        var cmyk = Plan(Distributor, "image", Image(3000, 3000, "CMYK"));
        Assert.Equal(["cover_color_space"], cmyk!.Fixes);
        Assert.False(cmyk.Square);

        var almost = Plan(Distributor, "image", Image(3000, 2980, "sRGB"));
        Assert.Equal(["cover_square"], almost!.Fixes);
        Assert.True(almost.Square);

        Assert.Null(Plan(Distributor, "image", Image(3000, 2900, "sRGB")));
        Assert.Null(Plan(Distributor, "image", Image(1400, 1400, "sRGB")));
    }

    private static ConformTargetView? Plan(MediaProfile profile, string kind, MediaFacts facts) =>
        ReleaseConformPlanner.Plan(profile, kind, facts, ProfileEvaluator.Evaluate(profile, kind, facts)) is { } target
            ? new ConformTargetView(target)
            : null;

    private static MediaFacts Audio(string container, double sampleRate, double? bitDepth, double channels, bool lossless = true)
    {
        var facts = new MediaFacts().Set("container", container).Set("lossless", lossless).Set("sampleRate", sampleRate).Set("channels", channels)
            .Set("truePeak", -1.5).Set("clippedSamples", 0).Set("trailingSilence", 0.5).Set("durationSeconds", 180).Set("chunksValid", true);
        return bitDepth is { } bits ? facts.Set("bitDepth", bits) : facts;
    }

    private static MediaFacts Image(double width, double height, string colorSpace) => new MediaFacts()
        .Set("container", "jpeg").Set("width", width).Set("height", height).Set("shortEdge", Math.Min(width, height))
        .Set("aspectRatio", Math.Round(width / height, 4)).Set("colorSpace", colorSpace).Set("fileSizeBytes", 2_000_000)
        .Set("bitsPerPixel", colorSpace == "CMYK" ? 32 : 24).Set("hasIccProfile", false).Set("hasOrientationTag", false);

    private static MediaProfile BuiltIn(string name) => ProfileJson.LoadBuiltIn().Single(p => p.Name == name);

    /// <summary>The target with its fixes as a list, so xUnit compares them by value.</summary>
    private sealed class ConformTargetView(MediaVault.Core.Processing.ReleaseConformTarget target)
    {
        public string Container => target.Container;

        public int? SampleRate => target.SampleRate;

        public int? BitDepth => target.BitDepth;

        public bool Square => target.Square;

        public List<string> Fixes => [.. target.Fixes];

        public string RenditionName => target.RenditionName;
    }
}
