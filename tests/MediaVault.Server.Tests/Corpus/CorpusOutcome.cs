using System.Text.Json;

namespace MediaVault.Server.Tests.Corpus;

/// <summary>What MediaVault did with one corpus file: the processed media view, or the refusal of the upload.</summary>
public sealed record CorpusOutcome(JsonElement? Media, string? Refusal)
{
    public static CorpusOutcome Processed(JsonElement media) => new(media, null);

    public static CorpusOutcome Refused(string refusal) => new(null, refusal);
}
