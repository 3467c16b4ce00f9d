namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Names one stored preview file: its tenant, media and rendition row. A re-made preview gets a new row, so pixels kept
/// for the one it replaced are never found again.
/// </summary>
public readonly record struct DecodedPreviewKey(Guid TenantId, string MediaId, Guid RenditionId);
