using MediaVault.Core.Releases;

namespace MediaVault.Server.Api.Releases;

/// <summary>Filters and page of <c>GET /releases</c>. <see cref="Page"/> starts at 1; <see cref="Limit"/> is 1–100 (default 20).</summary>
public sealed record ReleaseListQuery(ReleaseStatus? Status, string? Format, string? Type, string? Search, string? Owner, int Page, int Limit);
