using MediaVault.Server.Hosting;

namespace MediaVault.Server.Api.Library;

/// <summary>Library access: API key (or JWT), permission and workspace, answered in the library error shape.</summary>
public static class LibraryAccessFilter
{
    /// <summary>Null <paramref name="permission"/>: any caller of the workspace; the handler checks the permission its request needs.</summary>
    public static TBuilder RequireLibraryAccess<TBuilder>(this TBuilder builder, string? permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (Caller.From(http.User) is not { } caller)
            {
                return LibraryErrors.Unauthorized();
            }

            if (permission is not null && !caller.Has(permission))
            {
                return LibraryErrors.Forbidden($"Missing permission: {permission}");
            }

            var resolver = http.RequestServices.GetRequiredService<TenantResolver>();
            if (await resolver.ResolveAsync(caller.TenantKey, http.RequestAborted) is not { } tenantId)
            {
                return LibraryErrors.Unauthorized();
            }

            new RequestTenant(tenantId, caller.TenantKey, caller).AttachTo(http);
            return await next(context);
        });
        return builder;
    }
}
