using System.Text.Json;

namespace MediaVault.Server.Tests.Corpus;

/// <summary>One corpus file: its manifest row and what the reference tools say about it (tests/corpus/reference.json).</summary>
public sealed record CorpusEntry(string Id, string Family, string Package, string PathInPackage, string FilePath, JsonElement Expected)
{
    public string FileName => Path.GetFileName(Id);
}
