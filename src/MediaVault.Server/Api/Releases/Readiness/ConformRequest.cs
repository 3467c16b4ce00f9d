namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>Body of <c>POST /releases/{id}/conform</c>: the delivery profile to conform to.</summary>
public sealed record ConformRequest(string? Profile);
