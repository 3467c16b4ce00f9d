namespace MediaVault.Core.Processing;

/// <summary>
/// One generated rendition: its name (also the last part of its storage key, <c>[a-z0-9._-]</c>), MIME type,
/// the local file holding it, pixel dimensions where it is an image, and, when the generator was asked to keep them,
/// the decoded pixels it was encoded from (null otherwise).
/// </summary>
public sealed record RenditionFile(string Name, string MimeType, string LocalPath, int? Width = null, int? Height = null, RenditionPixels? Pixels = null);
