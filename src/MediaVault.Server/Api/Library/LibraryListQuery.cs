using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// A checked <c>GET /v2/media</c>: <see cref="Search"/> is already folded (<see cref="MediaSearchText.Normalize"/>),
/// <see cref="TagKeys"/> are tag keys that must all be present. <see cref="Archived"/> lists archived media only;
/// otherwise archived media are left out. <see cref="CompatibleWith"/> keeps ready media that break no error rule of that social target. With <see cref="After"/> the page is a keyset page (no total), else <see cref="Page"/>.
/// </summary>
public sealed record LibraryListQuery(
    string? Type,
    string? Search,
    IReadOnlyList<string> TagKeys,
    MediaState[]? States,
    bool Archived,
    LibrarySort Sort,
    int Page,
    int Limit,
    LibraryCursor? After,
    bool Keyset,
    (string Network, string Placement)? CompatibleWith = null);
