using MediaVault.Core.Compatibility;
using MediaVault.Core.Profiles;

namespace MediaVault.Core.Tests.Compatibility;

public sealed class ConformPlanTests
{
    private static readonly ProfileSet Profiles = new(ProfileJson.LoadBuiltIn(), []);

    [Fact]
    public void A_4k_120_fps_video_is_cropped_to_9_16_scaled_into_the_width_limit_and_clamped_to_60_fps_for_reels()
    {
        var facts = Video(3840, 2160, 120, 10);

        var plan = Plan("instagram-reels", facts, crop: true);

        Assert.Equal((1216, 2160), (plan.CropWidth, plan.CropHeight));
        Assert.Equal((1216, 2160), (plan.Width, plan.Height));
        Assert.Equal(60, plan.FrameRate);
        Assert.Null(plan.TrimSeconds);
        Assert.InRange(plan.MaxVideoKbps, 200, 12000);
    }

    [Fact]
    public void Padding_keeps_the_whole_picture_inside_a_frame_of_the_target_shape()
    {
        var plan = Plan("instagram-reels", Video(1920, 1080, 30, 10), crop: false);

        Assert.Null(plan.CropWidth);
        Assert.Equal((1920, 3414), (plan.Width, plan.Height));
        Assert.Equal((1920, 1080), (plan.ContentWidth, plan.ContentHeight));
    }

    [Fact]
    public void X_limits_a_vertical_video_to_1024_pixels_high()
    {
        var plan = Plan("x-video", Video(1080, 1920, 30, 10), crop: false);

        Assert.Equal(1024, plan.Height);
        Assert.Equal(576, plan.Width);
    }

    [Fact]
    public void A_video_longer_than_allowed_needs_trim_and_is_cut_to_the_limit_with_it()
    {
        var facts = Video(720, 1280, 30, 200);
        var profile = Get("youtube-shorts");

        var refused = ConformPlan.Make(profile, "video", facts, crop: true, trim: false);
        var trimmed = ConformPlan.Make(profile, "video", facts, crop: true, trim: true);

        Assert.True(refused.Failed);
        Assert.Equal(FailureKind.Unprocessable, refused.Failure.Kind);
        Assert.Equal(180, trimmed.Value!.TrimSeconds);
    }

    [Fact]
    public void A_video_shorter_than_allowed_cannot_be_conformed()
    {
        var plan = ConformPlan.Make(Get("instagram-reels"), "video", Video(720, 1280, 30, 2), crop: false, trim: true);

        Assert.True(plan.Failed);
        Assert.Contains("at least 3", plan.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_limit_caps_the_video_bit_rate()
    {
        var plan = Plan("instagram-feed-video", Video(1080, 1080, 30, 60), crop: false);

        // 100 MB over 60 s at 90 % is 12 000 kbit/s overall, less 128 for audio.
        Assert.Equal(11872, plan.MaxVideoKbps);
    }

    [Fact]
    public void A_wide_image_is_cropped_to_1_91_and_scaled_to_1440_wide_for_the_instagram_feed()
    {
        var facts = new MediaFacts().Set("width", 4000).Set("height", 1000);

        var plan = ConformPlan.Make(Get("instagram-feed-image"), "image", facts, crop: true, trim: false).Value!;

        Assert.Equal((1910, 1000), (plan.CropWidth, plan.CropHeight));
        Assert.Equal((1440, 754), (plan.Width, plan.Height));
        Assert.Equal(8, plan.MaxMegabytes);
    }

    private static ConformPlan Plan(string profile, MediaFacts facts, bool crop) => ConformPlan.Make(Get(profile), "video", facts, crop, trim: false).Value!;

    private static MediaProfile Get(string name) => Profiles.TryGet(name, out var profile) ? profile : throw new InvalidOperationException(name);

    private static MediaFacts Video(double width, double height, double fps, double seconds) => new MediaFacts()
        .Set("width", width).Set("height", height).Set("frameRate", fps).Set("durationSeconds", seconds).Set("hasAudio", true).Set("channels", 2);
}
