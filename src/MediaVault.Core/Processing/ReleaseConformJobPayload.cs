namespace MediaVault.Core.Processing;

/// <summary>Payload of <see cref="JobKinds.ConformReleaseMedia"/>.</summary>
public sealed record ReleaseConformJobPayload(string MediaId, ReleaseConformTarget Target);
