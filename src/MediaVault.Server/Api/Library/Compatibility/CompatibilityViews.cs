using System.Text.Json.Nodes;

namespace MediaVault.Server.Api.Library.Compatibility;

/// <summary>Body of <c>GET /v2/media/{id}/compatibility</c>.</summary>
public sealed record CompatibilityAnswer(bool Success, CompatibilityData Data);

/// <summary>One entry per social profile that applies to the media's kind (network and placement), ordered by network.</summary>
public sealed record CompatibilityData(string MediaId, IReadOnlyList<NetworkCompatibility> Networks);

/// <summary><c>ok</c> is true when no <c>error</c> problem is listed (warnings do not block).</summary>
public sealed record NetworkCompatibility(string Network, string Placement, string Profile, string Title, bool Ok, IReadOnlyList<CompatibilityProblem> Problems);

/// <summary>
/// A broken rule: <c>severity</c> <c>error</c> (the network refuses it) or <c>warning</c> (accepted, but not as
/// recommended); <c>measured</c> is the media's value (a number, text or boolean; null when it was not measured),
/// <c>expected</c> what the rule asks for in words.
/// </summary>
public sealed record CompatibilityProblem(string Rule, string Severity, string Message, string Remediation, JsonNode? Measured, string Expected);
