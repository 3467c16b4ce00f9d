using MediaVault.Core;
using MediaVault.Core.Tenants;
using MediaVault.Core.Uploads;
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

    /// <summary>
    /// Whether the caller may touch <paramref name="upload"/>: HEAD, PATCH and DELETE need what creating it needed
    /// (<c>media:write</c>, or <c>releases:write</c> for a release target); a <see cref="FailureKind.Forbidden"/> otherwise.
    /// </summary>
    public static Outcome<Done> Check(HttpContext context, TusUpload upload)
    {
        var target = TusTarget.From(TusMetadata.Parse(upload.Metadata) ?? []);
        var permission = target.Value?.Permission ?? Permissions.MediaWrite;
        return RequestTenant.Of(context).Caller.Has(permission)
            ? Done.Value
            : new Failure(FailureKind.Forbidden, $"Missing permission: {permission}");
    }
}
