namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary><c>data</c> of <c>GET /releases/{id}/readiness</c>: <c>ready</c> is true when no <c>error</c> problem remains.</summary>
public sealed record ReadinessReport(string Profile, bool Ready, DateTime CheckedAt, IReadOnlyList<ReadinessProblem> Problems);
