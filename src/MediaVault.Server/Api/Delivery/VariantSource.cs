using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// What making one variant needs, read in one query: the media, the variant if it was made already, how many variants
/// the media has (the per-media limit), and the row id and size of its largest preview when there is one (the cheaper
/// source).
/// </summary>
public sealed record VariantSource(MediaItem Media, MediaRendition? Existing, int VariantCount, Guid? PreviewId, int? PreviewWidth, int? PreviewHeight);
