namespace MediaVault.Core.Processing;

/// <summary>Payload of <see cref="JobKinds.ConformMedia"/>.</summary>
public sealed record ConformJobPayload(string MediaId, ConformTarget Target);
