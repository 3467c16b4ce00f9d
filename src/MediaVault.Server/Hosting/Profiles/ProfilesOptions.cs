namespace MediaVault.Server.Hosting.Profiles;

/// <summary>Section <c>Profiles</c>: where a deployment keeps its own media profiles.</summary>
public sealed class ProfilesOptions
{
    public const string Section = "Profiles";

    /// <summary>
    /// A folder of profile files (<c>name.json</c>, the built-in profiles' format). A file adds a profile, or replaces
    /// the built-in one of the same name. Unset (the default): only the built-in profiles.
    /// </summary>
    public string? Directory { get; set; }
}
