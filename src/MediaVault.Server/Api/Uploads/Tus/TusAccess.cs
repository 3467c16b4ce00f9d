using MediaVault.Server.Hosting;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Every tus request except OPTIONS: a supported <c>Tus-Resumable</c> (412 otherwise, with <c>Tus-Version</c>) and a
/// caller (JWT or API key, 401 otherwise) whose tenant owns the uploads it touches.
/// </summary>
public static class TusAccess
{
    public static TBuilder RequireTusAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Headers[TusHeaders.Resumable].ToString() != TusHeaders.Version)
            {
                http.Response.Headers[TusHeaders.SupportedVersions] = TusHeaders.Version;
                return TusResponses.Error(StatusCodes.Status412PreconditionFailed, $"Tus-Resumable {TusHeaders.Version} is required");
            }

            if (Caller.From(http.User) is not { } caller)
            {
                return TusResponses.Error(StatusCodes.Status401Unauthorized, "Unauthorized");
            }

            var resolver = http.RequestServices.GetRequiredService<TenantResolver>();
            if (await resolver.ResolveAsync(caller.TenantKey, http.RequestAborted) is not { } tenantId)
            {
                return TusResponses.Error(StatusCodes.Status401Unauthorized, "Unauthorized");
            }

            new RequestTenant(tenantId, caller.TenantKey, caller).AttachTo(http);
            return await next(context);
        });
        return builder;
    }
}
