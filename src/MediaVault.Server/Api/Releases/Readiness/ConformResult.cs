namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary><c>data</c> of <c>POST /releases/{id}/conform</c>: the media whose conformed rendition is being made.</summary>
public sealed record ConformResult(string Profile, IReadOnlyList<ConformQueued> Queued);
