using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Library;

/// <summary><c>GET /v2/media/tags</c>: the workspace's tags with how many media carry each.</summary>
public static class LibraryTagEndpoints
{
    public static IEndpointRouteBuilder MapLibraryTagEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v2/media").WithTags("Library Media").WithSurface(ApiSurface.Library)
            .MapGet("/tags", ListAsync).RequireLibraryAccess(Permissions.MediaRead).WithName("listLibraryMediaTags")
            .WithSummary("List tags (our addition)")
            .WithDescription("Every tag in the workspace, alphabetical (case-insensitive), each with `count`, the number of media carrying it (archived ones included). A tag keeps the spelling first written in the workspace; tags compare case-insensitively.");
        return routes;
    }

    private static async Task<Ok<LibraryTagList>> ListAsync(HttpContext context, LibraryDetailsService details, CancellationToken ct) =>
        TypedResults.Ok(new LibraryTagList(true, await details.ListTagsAsync(RequestTenant.Of(context).Id, ct)));
}
