using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// What serving or making one variant needs, read in one query: the media, the variant if it was made already, and the
/// row id and size of its largest preview when there is one (the cheaper source).
/// </summary>
public sealed record VariantSource(MediaItem Media, MediaRendition? Existing, Guid? PreviewId, int? PreviewWidth, int? PreviewHeight);
