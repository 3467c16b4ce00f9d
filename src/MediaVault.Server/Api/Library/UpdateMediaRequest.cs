namespace MediaVault.Server.Api.Library;

/// <summary>
/// Body of <c>PATCH /v2/media/{id}</c> with a body: merge semantics, a field left out (or null) stays as it is.
/// An empty <see cref="AltText"/> or <see cref="Description"/> clears it; <see cref="Tags"/> replaces the whole list (<c>[]</c> clears it).
/// </summary>
public sealed record UpdateMediaRequest(string? Name, string? AltText, string? Description, List<string?>? Tags, bool? Archived);
