namespace MediaVault.Server.Tests.Corpus;

/// <summary>A test over the real-media corpus; skipped, saying how to fetch it, when the corpus cache is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CorpusCatalog.Load() is { Entries.Count: > 0 })
        {
            return;
        }

        Skip = "The real-media corpus is not fetched: run tests/corpus/fetch.sh --sample (./test.sh does) "
            + "or tests/corpus/fetch.sh for the whole corpus with MEDIAVAULT_CORPUS=full.";
    }
}
