namespace MediaVault.Server.Api.Uploads;

/// <summary>The headers of one multipart part, names compared ignoring case; a repeated name keeps every value.</summary>
internal sealed class PartHeaders
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a value and returns how many distinct names there are now.</summary>
    public int Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            _values[name] = values = [];
        }

        values.Add(value);
        return _values.Count;
    }

    /// <summary>The header's values joined with commas, or null when absent.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var values) ? string.Join(',', values) : null;
}
