namespace MediaVault.Server.Tests.Corpus;

/// <summary>One compared value of one file: what the reference tool says, what MediaVault said, and why they differ.</summary>
public sealed record CorpusCheck(string Id, string Family, string Field, string Expected, string Got, string? Reason)
{
    public bool Agrees => Reason is null;
}
