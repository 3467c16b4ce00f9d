namespace MediaVault.Core.Profiles;

/// <summary>The profiles a deployment knows: the built-in ones, replaced or extended by its own (same name wins).</summary>
public sealed class ProfileSet
{
    private readonly Dictionary<string, MediaProfile> _byName;

    public ProfileSet(IEnumerable<MediaProfile> builtIn, IEnumerable<MediaProfile> overrides)
    {
        _byName = new Dictionary<string, MediaProfile>(StringComparer.Ordinal);
        foreach (var profile in builtIn.Concat(overrides))
        {
            _byName[profile.Name] = profile;
        }

        All = [.. _byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every profile, by name.</summary>
    public IReadOnlyList<MediaProfile> All { get; }

    public bool TryGet(string name, out MediaProfile profile) => _byName.TryGetValue(name, out profile!);

    /// <summary>The profiles of one surface: <c>release</c> or <c>library</c>.</summary>
    public IReadOnlyList<MediaProfile> ForScope(string scope) => [.. All.Where(p => p.Scope == scope)];
}
