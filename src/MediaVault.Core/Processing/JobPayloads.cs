namespace MediaVault.Core.Processing;

/// <summary>Payload of jobs about one media.</summary>
public sealed record MediaJobPayload(string MediaId);

/// <summary>Payload of jobs about one release.</summary>
public sealed record ReleaseJobPayload(Guid ReleaseId);
