using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Tenants;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;

namespace MediaVault.Server.Api.Library;

/// <summary><c>POST /v2/media/bulk</c>: one action on up to 500 media, each id handled (and failing) on its own.</summary>
public static class LibraryBulkEndpoints
{
    public static IEndpointRouteBuilder MapLibraryBulkEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v2/media").WithTags("Library Media").WithSurface(ApiSurface.Library)
            .MapPost("/bulk", BulkAsync).RequireLibraryAccess(null).WithName("bulkLibraryMedia")
            .Accepts<LibraryBulkRequest>("application/json").ProducesErrors(413).Produces<LibraryBulkAnswer>()
            .WithSummary("Act on many media (our addition)")
            .WithDescription(
                $"Body `{{action, ids, tags?}}`: `action` is `delete` (permanent, needs media:delete), `archive`, `unarchive`, `tag` (adds `tags`) or `untag` (removes `tags`) (these need media:write); `ids` 1 to {LibraryFieldLimits.BulkIds} media ids (repeats count once); `tags` 1 to {LibraryFieldLimits.TagsPerMedia} tags of 1 to {LibraryFieldLimits.Tag} characters, for tag and untag only. " +
                "Each id is handled on its own, in order: the answer is 200 `{success, data: {succeeded: [ids], failed: [{id, error, message}]}}` with every id in one of the lists; an unknown id or another workspace's is `not_found`, a media that would pass 50 tags `validation_error`. " +
                "A bad body (unknown action, no ids, too many) is 400 and nothing is done; a missing permission for the action is 403.");
        return routes;
    }

    private static async Task<IResult> BulkAsync(HttpContext context, LibraryMediaService library, LibraryDetailsService details, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<LibraryBulkRequest>(context.Request, ct);
        if (body.Failed)
        {
            return LibraryErrors.From(body.Failure);
        }

        var request = body.Value;
        var permission = request.Action switch
        {
            "delete" => Permissions.MediaDelete,
            "archive" or "unarchive" or "tag" or "untag" => Permissions.MediaWrite,
            _ => null,
        };
        if (permission is null)
        {
            return LibraryErrors.Validation("action must be one of delete, archive, unarchive, tag, untag");
        }

        if (request.Ids is not { Count: > 0 and <= LibraryFieldLimits.BulkIds } ids || ids.Any(string.IsNullOrEmpty))
        {
            return LibraryErrors.Validation($"ids must list 1 to {LibraryFieldLimits.BulkIds} media ids");
        }

        List<string> tags = [];
        if (request.Action is "tag" or "untag")
        {
            var cleaned = LibraryTagRules.Clean(request.Tags);
            if (cleaned.Failed || cleaned.Value is not { Count: > 0 and <= LibraryFieldLimits.TagsPerMedia })
            {
                return LibraryErrors.Validation(cleaned.Failure?.Message ?? $"tags must list 1 to {LibraryFieldLimits.TagsPerMedia} tags for {request.Action}");
            }

            tags = cleaned.Value;
        }
        else if (request.Tags is not null)
        {
            return LibraryErrors.Validation($"tags is only for tag and untag, not {request.Action}");
        }

        var tenant = RequestTenant.Of(context);
        if (!tenant.Caller.Has(permission))
        {
            return LibraryErrors.Forbidden($"Missing permission: {permission}");
        }

        var succeeded = new List<string>();
        var failed = new List<LibraryBulkFailure>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Select(id => id!))
        {
            Failure? failure = request.Action switch
            {
                "delete" => await library.DeleteAsync(tenant.Id, id, ct) ? null : Failure.NotFound("Media not found"),
                "archive" => (await details.SetArchivedAsync(tenant.Id, id, archived: true, ct)).Failure,
                "unarchive" => (await details.SetArchivedAsync(tenant.Id, id, archived: false, ct)).Failure,
                "tag" => (await details.AddTagsAsync(tenant.Id, id, tags, ct)).Failure,
                _ => (await details.RemoveTagsAsync(tenant.Id, id, tags, ct)).Failure,
            };
            if (failure is null)
            {
                succeeded.Add(id);
            }
            else
            {
                failed.Add(new LibraryBulkFailure(id, LibraryErrors.Code(failure), failure.Message));
            }
        }

        return TypedResults.Ok(new LibraryBulkAnswer(true, new LibraryBulkResult(succeeded, failed)));
    }
}
