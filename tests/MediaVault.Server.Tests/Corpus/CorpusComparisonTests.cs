using System.Text.Json;

namespace MediaVault.Server.Tests.Corpus;

/// <summary>The harness's comparison rules, on hand-written views, so a wrong rule cannot hide misses.</summary>
public sealed class CorpusComparisonTests
{
    private static CorpusEntry Entry(string expected) =>
        new("pkg/file.wav", "wav", "pkg", "usr/share/file.wav", "/nonexistent", JsonDocument.Parse(expected).RootElement.Clone());

    private static CorpusOutcome Media(string type, string metadata) =>
        CorpusOutcome.Processed(JsonDocument.Parse($$"""{"type":"{{type}}","metadata":{{metadata}}}""").RootElement.Clone());

    [Fact]
    public void A_value_the_reference_has_and_MediaVault_does_not_show_is_a_miss_not_reported()
    {
        var checks = CorpusComparison.Compare(
            Entry("""{"type":"audio","readable":true,"bitDepth":24,"sampleRate":44100}"""),
            Media("audio", """{"state":"ready","sampleRate":"44100"}"""));

        Assert.Contains(checks, c => c is { Field: "bitDepth", Reason: "not reported", Expected: "24" });
        Assert.Contains(checks, c => c is { Field: "sampleRate", Agrees: true });
    }

    [Fact]
    public void Duration_agrees_within_five_hundredths_of_a_second_and_not_beyond()
    {
        var entry = Entry("""{"type":"audio","readable":true,"duration":1.0}""");

        Assert.True(CorpusComparison.Compare(entry, Media("audio", """{"state":"ready","duration":1.049}""")).Single(c => c.Field == "duration").Agrees);
        Assert.Equal("differs", CorpusComparison.Compare(entry, Media("audio", """{"state":"ready","duration":1.06}""")).Single(c => c.Field == "duration").Reason);
    }

    [Fact]
    public void A_refused_upload_of_a_readable_file_misses_its_state_type_and_every_value()
    {
        var checks = CorpusComparison.Compare(Entry("""{"type":"audio","readable":true,"duration":1.0,"codec":"wavpack"}"""), CorpusOutcome.Refused("400 not supported"));

        Assert.Equal(4, checks.Count);
        Assert.All(checks, c => Assert.Equal("refused", c.Reason));
    }

    [Fact]
    public void A_file_the_reference_tool_cannot_read_agrees_only_when_MediaVault_refuses_or_fails_it()
    {
        var entry = Entry("""{"type":"image","readable":false}""");

        Assert.True(CorpusComparison.Compare(entry, CorpusOutcome.Refused("400")).Single().Agrees);
        Assert.True(CorpusComparison.Compare(entry, Media("image", """{"state":"failed"}""")).Single().Agrees);
        Assert.False(CorpusComparison.Compare(entry, Media("image", """{"state":"ready"}""")).Single().Agrees);
    }

    [Fact]
    public void A_wrong_type_is_a_miss_even_when_every_value_matches()
    {
        var checks = CorpusComparison.Compare(Entry("""{"type":"audio","readable":true,"codec":"opus"}"""), Media("video", """{"state":"ready","codec":"opus"}"""));

        Assert.Equal("differs", checks.Single(c => c.Field == "type").Reason);
        Assert.True(checks.Single(c => c.Field == "codec").Agrees);
    }

    [Fact]
    public void Frames_are_read_from_frameCount_for_an_animation_and_from_pages_for_a_multi_page_still()
    {
        var entry = Entry("""{"type":"image","readable":true,"frames":9}""");

        Assert.True(CorpusComparison.Compare(entry, Media("image", """{"state":"ready","frameCount":9,"duration":0.9}""")).Single(c => c.Field == "frames").Agrees);
        Assert.True(CorpusComparison.Compare(entry, Media("image", """{"state":"ready","pages":9}""")).Single(c => c.Field == "frames").Agrees);
        Assert.Equal("differs", CorpusComparison.Compare(entry, Media("image", """{"state":"ready","frameCount":8}""")).Single(c => c.Field == "frames").Reason);
        Assert.Equal("not reported", CorpusComparison.Compare(entry, Media("image", """{"state":"ready"}""")).Single(c => c.Field == "frames").Reason);
    }
}
