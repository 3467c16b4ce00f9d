using MediaVault.Core.Tenants;
using MediaVault.Data;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Library;

/// <summary><c>GET /v2/media/tags</c>: the workspace's tags with how many media carry each.</summary>
public static class LibraryTagEndpoints
{
    public static IEndpointRouteBuilder MapLibraryTagEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v2/media").WithTags("Library Media").WithSurface(ApiSurface.Library)
            .MapGet("/tags", ListAsync).RequireLibraryAccess(Permissions.MediaRead).WithName("listLibraryMediaTags")
            .Produces<LibraryTagList>()
            .WithSummary("List tags (our addition)")
            .WithDescription("Every tag in the workspace, alphabetical (case-insensitive), each with `count`, the number of media carrying it (archived ones included). A tag keeps the spelling first written in the workspace; tags compare case-insensitively.");
        return routes;
    }

    private static async Task<IResult> ListAsync(HttpContext context, MediaVaultDbContext db, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        var tags = await db.MediaTags.AsNoTracking().Where(t => t.TenantId == tenantId)
            .GroupBy(t => t.Key)
            .Select(g => new { Key = g.Key, Tag = g.Min(t => t.Tag), Count = g.Count() })
            .OrderBy(t => t.Key)
            .ToListAsync(ct);
        return TypedResults.Ok(new LibraryTagList(true, [.. tags.Select(t => new LibraryTagCount(t.Tag!, t.Count))]));
    }
}
