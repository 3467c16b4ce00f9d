using MediaVault.Core.Processing;

namespace MediaVault.Core.Profiles;

/// <summary>
/// Decides what a machine may fix of a media's broken rules without judgement: a sample rate or bit depth above what
/// the profile takes (lowered to the highest it takes), a lossless file in a container the profile refuses or with
/// refused WAV chunks or format code (rewritten as FLAC, or WAV when the profile takes no FLAC), cover art that is not
/// 8-bit sRGB, carries a colour profile or orientation tag, is in a refused format, too large, or within 1 % of square
/// (an sRGB JPEG, centre-cropped). Clipping, loudness, silence, channel count, lossy sources and small art are never
/// conformed: they stay problems for a person.
/// </summary>
public static class ReleaseConformPlanner
{
    /// <summary>How far from square (either way) cover art may be for a crop to count as conforming, not editing.</summary>
    public const double SquareTolerance = 0.01;

    private static readonly HashSet<string> ImageRules =
        ["cover_color_space", "cover_bits_per_pixel", "cover_icc_profile", "cover_orientation", "cover_format", "cover_file_size"];

    /// <summary>The target for a media's findings, or null when none of them is a machine's to fix.</summary>
    public static ReleaseConformTarget? Plan(MediaProfile profile, string kind, MediaFacts facts, IReadOnlyList<ProfileFinding> findings)
    {
        // Warnings are notes (a hi-res master, a quiet mix): only what the profile refuses is conformed.
        var broken = findings.Where(f => f.Severity == RuleSeverity.Error).Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
        return kind switch
        {
            "audio" => PlanAudio(profile, facts, broken),
            "image" => PlanImage(profile, facts, broken),
            _ => null,
        };
    }

    private static ReleaseConformTarget? PlanAudio(MediaProfile profile, MediaFacts facts, HashSet<string> broken)
    {
        if (!facts.TryGet("lossless", out var lossless) || !lossless.Flag)
        {
            return null;
        }

        var fixes = new List<string>();
        var sampleRate = Lowered(profile, "sampleRate", facts, broken, fixes);
        var bitDepth = Lowered(profile, "bitDepth", facts, broken, fixes);
        foreach (var rule in RulesOn(profile, "container", "chunksValid", "wavFormat").Where(r => broken.Contains(r.Id)))
        {
            fixes.Add(rule.Id);
        }

        if (fixes.Count == 0)
        {
            return null;
        }

        var accepted = RulesOn(profile, "container").SelectMany(r => r.Check.OneOf ?? []).Select(v => v.Text).ToList();
        var container = accepted.Count == 0 || accepted.Contains("flac", StringComparer.OrdinalIgnoreCase) ? "flac" : "wav";
        return new ReleaseConformTarget(profile.Name, container, sampleRate, bitDepth, false, fixes);
    }

    private static ReleaseConformTarget? PlanImage(MediaProfile profile, MediaFacts facts, HashSet<string> broken)
    {
        var fixes = profile.Rules.Where(r => broken.Contains(r.Id) && r.AppliesTo.Contains("image") && ImageRules.Contains(r.Id)).Select(r => r.Id).ToList();
        var square = false;
        foreach (var rule in RulesOn(profile, "aspectRatio").Where(r => broken.Contains(r.Id)))
        {
            if (facts.TryGet("aspectRatio", out var aspect) && aspect.Number is >= 1 - SquareTolerance and <= 1 / (1 - SquareTolerance))
            {
                square = true;
                fixes.Add(rule.Id);
            }
        }

        return fixes.Count == 0 ? null : new ReleaseConformTarget(profile.Name, "jpeg", null, null, square, fixes);
    }

    /// <summary>The highest value the profile takes below the measured one, when the measured one is refused for being too high.</summary>
    private static int? Lowered(MediaProfile profile, string fact, MediaFacts facts, HashSet<string> broken, List<string> fixes)
    {
        if (!facts.TryGet(fact, out var measured))
        {
            return null;
        }

        int? target = null;
        foreach (var rule in RulesOn(profile, fact).Where(r => broken.Contains(r.Id)))
        {
            var allowed = rule.Check.OneOf?.Where(v => v.Kind == FactKind.Number).Select(v => v.Number).Where(v => v < measured.Number).ToList() ?? [];
            double? best = allowed.Count > 0 ? allowed.Max() : rule.Check.Max is { } max && max < measured.Number ? max : null;
            if (best is { } value && (rule.Check.Min is not { } min || value >= min))
            {
                target = (int)value;
                fixes.Add(rule.Id);
            }
        }

        return target;
    }

    private static IEnumerable<ProfileRule> RulesOn(MediaProfile profile, params string[] facts) =>
        profile.Rules.Where(r => facts.Contains(r.Check.Fact, StringComparer.Ordinal));
}
