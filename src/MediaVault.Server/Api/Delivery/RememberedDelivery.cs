using MediaVault.Core.Media;

namespace MediaVault.Server.Api.Delivery;

/// <summary>One answer of <see cref="DeliveryLookup"/>'s short memory: the media, the rendition asked for, and when (a timestamp of the lookup's clock).</summary>
public sealed record RememberedDelivery(MediaItem Media, MediaRendition? Rendition, long At);
