namespace MediaVault.Core.Processing;

/// <summary>Payload of jobs about one media.</summary>
public sealed record MediaJobPayload(string MediaId);

/// <summary>Payload of jobs about one release.</summary>
public sealed record ReleaseJobPayload(Guid ReleaseId);

/// <summary>Payload of a <see cref="JobKinds.ConformMedia"/> job: the media and its conformed rendition's row.</summary>
public sealed record ConformJobPayload(string MediaId, Guid ConformedId);
