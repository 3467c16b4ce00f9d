using MediaVault.Core.Media;
using MediaVault.Core.Profiles;

namespace MediaVault.Core.Compatibility;

/// <summary>
/// The library profiles as social targets: a target is a network and a placement (<c>instagram:reels</c>); for a
/// media it is the one profile of that target whose rules apply to the media's kind (a feed has an image profile and
/// a video profile).
/// </summary>
public static class SocialTargets
{
    public const string Scope = "library";

    /// <summary>Whether any rule of <paramref name="profile"/> applies to media of <paramref name="kind"/>.</summary>
    public static bool AppliesTo(MediaProfile profile, string kind) =>
        profile.Rules.Any(r => r.AppliesTo.Contains(kind, StringComparer.OrdinalIgnoreCase));

    /// <summary>The library profiles that apply to <paramref name="media"/>, optionally of one network, ordered by network then placement.</summary>
    public static IReadOnlyList<MediaProfile> For(ProfileSet profiles, MediaItem media, string? network = null)
    {
        var kind = MetadataFacts.KindOf(media);
        return [.. profiles.ForScope(Scope)
            .Where(p => p.Network is not null && p.Placement is not null && AppliesTo(p, kind))
            .Where(p => network is null || string.Equals(p.Network, network, StringComparison.OrdinalIgnoreCase))
            .OrderBy(p => p.Network, StringComparer.Ordinal).ThenBy(p => p.Placement, StringComparer.Ordinal)];
    }

    /// <summary>The profile of <paramref name="network"/> and <paramref name="placement"/> for media of <paramref name="kind"/>, or null.</summary>
    public static MediaProfile? Find(ProfileSet profiles, string network, string placement, string kind) =>
        profiles.ForScope(Scope).FirstOrDefault(p =>
            string.Equals(p.Network, network, StringComparison.OrdinalIgnoreCase)
            && string.Equals(p.Placement, placement, StringComparison.OrdinalIgnoreCase)
            && AppliesTo(p, kind));

    /// <summary>Whether some library profile has this network (and placement, when given).</summary>
    public static bool Exists(ProfileSet profiles, string network, string? placement) =>
        profiles.ForScope(Scope).Any(p =>
            string.Equals(p.Network, network, StringComparison.OrdinalIgnoreCase)
            && (placement is null || string.Equals(p.Placement, placement, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Splits <c>network:placement</c>; false when either part is empty.</summary>
    public static bool TryParse(string? target, out string network, out string placement)
    {
        var colon = target?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        network = colon > 0 ? target![..colon].Trim() : string.Empty;
        placement = colon > 0 ? target![(colon + 1)..].Trim() : string.Empty;
        return network.Length > 0 && placement.Length > 0;
    }

    /// <summary>True when no error rule of <paramref name="profile"/> is broken by <paramref name="media"/>.</summary>
    public static bool Passes(MediaProfile profile, MediaItem media) =>
        !ProfileEvaluator.Evaluate(profile, MetadataFacts.KindOf(media), MetadataFacts.Of(media)).Any(f => f.Severity == RuleSeverity.Error);
}
