using MediaVault.Core.Compatibility;
using MediaVault.Core.Profiles;

namespace MediaVault.Core.Tests.Compatibility;

public sealed class SocialProfilesTests
{
    private static readonly ProfileSet Profiles = new(ProfileJson.LoadBuiltIn(), []);

    [Fact]
    public void Every_network_and_placement_of_the_issue_has_a_built_in_library_profile_with_its_source()
    {
        string[] expected =
        [
            "facebook-feed-image", "facebook-feed-video", "instagram-feed-image", "instagram-feed-video", "instagram-reels", "instagram-stories",
            "linkedin-image", "linkedin-video", "threads", "tiktok-video", "x-image", "x-video", "youtube-shorts",
        ];

        var library = Profiles.ForScope(SocialTargets.Scope);

        Assert.Equal(expected, library.Select(p => p.Name));
        Assert.All(library, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Network));
            Assert.False(string.IsNullOrWhiteSpace(p.Placement));
            Assert.StartsWith("https://", p.Source, StringComparison.Ordinal);
            Assert.True(DateOnly.TryParse(p.CheckedOn, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.NotEmpty(p.Rules);
        });
    }

    [Theory]
    [InlineData("instagram", "feed", "image", "instagram-feed-image")]
    [InlineData("instagram", "feed", "video", "instagram-feed-video")]
    [InlineData("INSTAGRAM", "Reels", "video", "instagram-reels")]
    [InlineData("instagram", "stories", "image", "instagram-stories")]
    [InlineData("threads", "post", "video", "threads")]
    public void A_target_resolves_to_the_profile_for_the_media_kind(string network, string placement, string kind, string profile)
    {
        Assert.Equal(profile, SocialTargets.Find(Profiles, network, placement, kind)?.Name);
    }

    [Fact]
    public void A_target_has_no_profile_for_a_kind_none_of_its_rules_apply_to()
    {
        Assert.Null(SocialTargets.Find(Profiles, "instagram", "reels", "image"));
        Assert.Null(SocialTargets.Find(Profiles, "instagram", "reels", "audio"));
    }

    [Theory]
    [InlineData("instagram:reels", true, "instagram", "reels")]
    [InlineData(" x : post ", true, "x", "post")]
    [InlineData("instagram", false, "", "")]
    [InlineData(":reels", false, "", "")]
    [InlineData("instagram:", false, "instagram", "")]
    public void Targets_are_network_colon_placement(string text, bool valid, string network, string placement)
    {
        Assert.Equal(valid, SocialTargets.TryParse(text, out var parsedNetwork, out var parsedPlacement));
        Assert.Equal(network, parsedNetwork);
        Assert.Equal(placement, parsedPlacement);
    }
}
