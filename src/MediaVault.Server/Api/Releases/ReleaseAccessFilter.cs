using MediaVault.Server.Hosting;

namespace MediaVault.Server.Api.Releases;

/// <summary>
/// Authenticates, checks the permission and resolves the tenant for release endpoints, answering 401/403 in the
/// release error shape. Must run before any input validation so that an anonymous caller learns nothing.
/// </summary>
public static class ReleaseAccessFilter
{
    public static TBuilder RequireReleaseAccess<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (Caller.From(http.User) is not { } caller)
            {
                return ReleaseErrors.Unauthorized();
            }

            if (!caller.Has(permission))
            {
                return ReleaseErrors.Forbidden($"Forbidden: missing permission {permission}");
            }

            var resolver = http.RequestServices.GetRequiredService<TenantResolver>();
            if (await resolver.ResolveAsync(caller.TenantKey, http.RequestAborted) is not { } tenantId)
            {
                return ReleaseErrors.Unauthorized();
            }

            new RequestTenant(tenantId, caller.TenantKey, caller).AttachTo(http);
            return await next(context);
        });
        return builder;
    }
}
