namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>One media queued for conforming: the rendition it will get and the rules that rendition fixes.</summary>
public sealed record ConformQueued(string MediaId, Guid? TrackId, string Rendition, IReadOnlyList<string> Fixes);
