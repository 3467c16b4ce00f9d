namespace MediaVault.Server.Api.Releases.Readiness;

/// <summary>
/// The other media a <c>duplicate_recording</c> problem found: its release and track (null for a release-level media),
/// the share of differing fingerprint bits, and where this recording starts in the other one (seconds).
/// </summary>
public sealed record DuplicateRecording(
    string MediaId,
    Guid ReleaseId,
    string ReleaseTitle,
    Guid? TrackId,
    string? TrackTitle,
    double BitErrorRate,
    double OffsetSeconds);
