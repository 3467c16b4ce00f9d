namespace MediaVault.Core.Processing;

/// <summary>
/// One generated rendition: its name (also the last part of its storage key, <c>[a-z0-9._-]</c>), MIME type,
/// the local file holding it, and pixel dimensions where it is an image.
/// </summary>
public sealed record RenditionFile(string Name, string MimeType, string LocalPath, int? Width = null, int? Height = null);
