namespace MediaVault.Server.OpenApi;

/// <summary>Which API dialect an endpoint belongs to: its error shape, its credentials and its extra headers.</summary>
public enum ApiSurface
{
    Releases,
    Catalog,
    Library,
    Tus,
    Delivery,
    WebPage,
}

/// <summary>Endpoint metadata naming the endpoint's surface, read by <see cref="SurfaceOperationTransformer"/>.</summary>
public sealed record ApiSurfaceMetadata(ApiSurface Surface);
