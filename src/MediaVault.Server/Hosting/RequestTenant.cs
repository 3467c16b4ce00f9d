namespace MediaVault.Server.Hosting;

/// <summary>The tenant a request acts as, set by the surface's access filter before the handler runs.</summary>
public sealed record RequestTenant(Guid Id, string Key, Caller Caller)
{
    private const string ItemKey = "MediaVault.RequestTenant";

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    /// <exception cref="InvalidOperationException">The endpoint has no access filter.</exception>
    public static RequestTenant Of(HttpContext context) =>
        Find(context) ?? throw new InvalidOperationException("No tenant was resolved for this request; is the access filter missing?");

    /// <summary>The tenant, or null when no access filter has run (anonymous routes, refused requests).</summary>
    public static RequestTenant? Find(HttpContext context) =>
        context.Items[ItemKey] as RequestTenant;
}
