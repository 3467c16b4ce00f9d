using MediaVault.Server.Hosting;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// Catalogue access, after content negotiation (406, <see cref="CatalogNegotiation"/>): a valid caller (401), the organisation header naming the tenant to act as (400 when missing,
/// 403 when the caller may not act as it), then the permission (403 with <c>missingPermissions</c>).
/// </summary>
public static class CatalogAccessFilter
{
    public const string OrganizationHeader = "X-Flowkiwi-Organization-Id";

    public static TBuilder RequireCatalogAccess<TBuilder>(this TBuilder builder, string permission)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.NegotiatesCatalogFormats();
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (Caller.From(http.User) is not { } caller)
            {
                return CatalogProblems.Unauthorized(http);
            }

            var organization = http.Request.Headers[OrganizationHeader].ToString().Trim();
            if (organization.Length == 0)
            {
                return CatalogProblems.BadRequest(http, $"The {OrganizationHeader} header is required.");
            }

            if (organization != caller.TenantKey && !caller.Organizations.Contains(organization))
            {
                return CatalogProblems.Forbidden(http, $"You may not act as organization \"{organization}\".");
            }

            if (!caller.Has(permission))
            {
                return CatalogProblems.Forbidden(http, $"Missing permission: {permission}.", [permission]);
            }

            var resolver = http.RequestServices.GetRequiredService<TenantResolver>();
            if (await resolver.ResolveAsync(organization, http.RequestAborted) is not { } tenantId)
            {
                return CatalogProblems.Forbidden(http, $"Unknown organization \"{organization}\".");
            }

            new RequestTenant(tenantId, organization, caller).AttachTo(http);
            return await next(context);
        });
        return builder;
    }
}
