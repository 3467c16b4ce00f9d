using System.Text.Json.Serialization;

namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>
/// The other media a <c>duplicate_recording</c> problem found: its release and track (left out for a release-level media),
/// the share of differing fingerprint bits, and where this recording starts in the other one (seconds).
/// </summary>
public sealed record DuplicateRecording(
    string MediaId,
    Guid ReleaseId,
    string ReleaseTitle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? TrackId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TrackTitle,
    double BitErrorRate,
    double OffsetSeconds);
