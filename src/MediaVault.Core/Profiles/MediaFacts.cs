namespace MediaVault.Core.Profiles;

/// <summary>What was measured of one media, by camelCase fact name (<c>sampleRate</c>, <c>container</c>, …).</summary>
public sealed class MediaFacts
{
    private readonly Dictionary<string, FactValue> _facts = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, FactValue> All => _facts;

    public MediaFacts Set(string name, double number) => Set(name, FactValue.Of(number));

    public MediaFacts Set(string name, string text) => Set(name, FactValue.Of(text));

    public MediaFacts Set(string name, bool flag) => Set(name, FactValue.Of(flag));

    public MediaFacts Set(string name, FactValue value)
    {
        _facts[name] = value;
        return this;
    }

    public bool TryGet(string name, out FactValue value) => _facts.TryGetValue(name, out value);
}
