namespace MediaVault.Core.Profiles;

/// <summary>
/// A named set of rules a target (a store, a social network placement) sets for media. <see cref="Scope"/> says which
/// surface uses it (<c>release</c> or <c>library</c>); <see cref="Source"/> and <see cref="CheckedOn"/> record where the
/// numbers come from and when they were last checked.
/// </summary>
public sealed record MediaProfile(
    string Name,
    string Title,
    string Scope,
    string? Network,
    string? Placement,
    string Source,
    string CheckedOn,
    IReadOnlyList<ProfileRule> Rules);
