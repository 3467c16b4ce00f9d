using System.Text;
using MediaVault.Core.Profiles;

namespace MediaVault.Core.Tests.Profiles;

public sealed class ProfileEvaluatorTests
{
    private const string Store = """
        {
          "name": "store", "title": "A store", "scope": "release", "source": "https://example.test/spec", "checkedOn": "2026-12-01",
          "rules": [
            { "id": "audio_container", "severity": "error", "appliesTo": ["audio"], "fact": "container", "oneOf": ["flac", "wav"],
              "message": "Audio must be FLAC or WAV.", "remediation": "Export a lossless master." },
            { "id": "sample_rate", "severity": "error", "appliesTo": ["audio"], "fact": "sampleRate", "min": 44100, "whenMissing": "fail",
              "message": "Sample rate too low.", "remediation": "Bounce at 44.1 kHz or more." },
            { "id": "hi_res", "severity": "warning", "appliesTo": ["audio"], "when": [{ "fact": "container", "oneOf": ["flac"] }],
              "fact": "sampleRate", "max": 48000, "message": "Hi-res audio is noted.", "remediation": "None needed." },
            { "id": "square", "severity": "error", "appliesTo": ["image"], "fact": "aspectRatio", "min": 0.99, "max": 1.01,
              "message": "Cover art must be square.", "remediation": "Crop it square." },
            { "id": "no_orientation", "severity": "warning", "appliesTo": ["image"], "fact": "hasOrientation", "is": false,
              "message": "Orientation metadata.", "remediation": "Strip it." },
            { "id": "not_cmyk", "severity": "error", "appliesTo": ["image"], "fact": "colorSpace", "noneOf": ["CMYK"],
              "message": "CMYK.", "remediation": "Convert to sRGB." }
          ]
        }
        """;

    private static MediaProfile Profile() => ProfileJson.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Store)), "store.json");

    [Fact]
    public void A_lossless_master_that_meets_every_rule_has_no_findings()
    {
        var facts = new MediaFacts().Set("container", "WAV").Set("sampleRate", 44100);

        Assert.Empty(ProfileEvaluator.Evaluate(Profile(), "audio", facts));
    }

    [Fact]
    public void Broken_rules_carry_what_was_measured_and_what_was_expected()
    {
        var facts = new MediaFacts().Set("container", "mp3").Set("sampleRate", 22050);

        var findings = ProfileEvaluator.Evaluate(Profile(), "audio", facts);

        Assert.Collection(
            findings,
            f =>
            {
                Assert.Equal("audio_container", f.Rule);
                Assert.Equal(RuleSeverity.Error, f.Severity);
                Assert.Equal("mp3", f.Measured?.Text);
                Assert.Equal("one of flac, wav", f.Expected);
                Assert.Equal("Export a lossless master.", f.Remediation);
            },
            f =>
            {
                Assert.Equal("sample_rate", f.Rule);
                Assert.Equal(22050, f.Measured?.Number);
                Assert.Equal("≥ 44100", f.Expected);
            });
    }

    [Fact]
    public void A_missing_fact_skips_the_rule_unless_the_rule_says_fail()
    {
        var findings = ProfileEvaluator.Evaluate(Profile(), "audio", new MediaFacts().Set("container", "flac"));

        var missing = Assert.Single(findings);
        Assert.Equal("sample_rate", missing.Rule);
        Assert.Null(missing.Measured);
    }

    [Fact]
    public void A_rule_applies_only_when_its_conditions_hold()
    {
        var wav = new MediaFacts().Set("container", "wav").Set("sampleRate", 96000);
        var flac = new MediaFacts().Set("container", "flac").Set("sampleRate", 96000);

        Assert.Empty(ProfileEvaluator.Evaluate(Profile(), "audio", wav));
        var hiRes = Assert.Single(ProfileEvaluator.Evaluate(Profile(), "audio", flac));
        Assert.Equal(("hi_res", RuleSeverity.Warning, "≤ 48000"), (hiRes.Rule, hiRes.Severity, hiRes.Expected));
    }

    [Fact]
    public void Rules_apply_only_to_their_media_kinds_and_check_ranges_flags_and_refused_values()
    {
        var cover = new MediaFacts().Set("aspectRatio", 1.5).Set("hasOrientation", true).Set("colorSpace", "cmyk");

        var findings = ProfileEvaluator.Evaluate(Profile(), "image", cover);

        Assert.Equal(["square", "no_orientation", "not_cmyk"], findings.Select(f => f.Rule));
        Assert.Equal(["between 0.99 and 1.01", "false", "not CMYK"], findings.Select(f => f.Expected));
        Assert.Empty(ProfileEvaluator.Evaluate(Profile(), "image", new MediaFacts().Set("aspectRatio", 1.005).Set("hasOrientation", false).Set("colorSpace", "srgb")));
    }

    [Fact]
    public void A_text_never_satisfies_a_numeric_range()
    {
        var findings = ProfileEvaluator.Evaluate(Profile(), "audio", new MediaFacts().Set("container", "wav").Set("sampleRate", "44100"));

        Assert.Equal("sample_rate", Assert.Single(findings).Rule);
    }
}
