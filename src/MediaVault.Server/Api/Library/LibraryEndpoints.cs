using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Tenants;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Api.Library.Compatibility;
using MediaVault.Server.Hosting;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Library;

/// <summary>The workspace media library under <c>/v2</c>: create, upload, confirm, get, list and delete.</summary>
public static class LibraryEndpoints
{
    public static IEndpointRouteBuilder MapLibraryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v2/media").WithTags("Library Media").WithSurface(ApiSurface.Library);
        group.MapPost("/", CreateAsync).RequireLibraryAccess(Permissions.MediaWrite)
            .WithName("createLibraryMedia").Accepts<CreateMediaRequest>("application/json").ProducesErrors(413)
            .WithSummary("Create a Media")
            .WithDescription("Body `{name (at most 255 characters), type (MIME, at most 200), fileSize (bytes), width?, height?, duration?, sha256?}`; a longer field is 400 naming it, a body over `Requests:MaxJsonBodyBytes` (1 MiB) is 413. Answers 201 with `Location` (the media's URL) and `uploadUrl`: PUT the raw bytes there (signed, single use, expires after `uploadExpiresAt`), then PATCH the media to confirm.");
        group.MapGet("/", ListAsync).RequireLibraryAccess(Permissions.MediaRead).WithName("listLibraryMedia")
            .WithSummary("List media (our addition)")
            .WithDescription("`sort` one of `createdAt`, `-createdAt` (the default: newest first), `name`, `-name` (case- and accent-insensitive), `size`, `-size`, `duration`, `-duration` (seconds; media without a size or duration come first ascending, last descending), ties broken by id. Filters: `limit` (20, max 100), `type` (MIME, or its first part such as `image`), `status` (PROCESSING, SUCCESS, ERROR, or ARCHIVED for archived media; archived media are left out otherwise), `tag` (repeatable: every tag given must be on the media, case-insensitive), `q` (at most 200 characters: a substring of the name, alt text, description or a tag, case- and accent-insensitive, so `mangore` finds `Mangoré.ogg`), `compatibleWith` (our addition, `network:placement` such as `instagram:reels`: only media whose status is SUCCESS and that break no `error` rule of that target's profile for their kind, as `GET /v2/media/{id}/compatibility` reports; an unknown target is 400; profiles are data a deployment may change, so media are checked as they are listed, in the list's order, and paging and cursors work as without it). Keyset paging by default: the first page, then pass the previous page's `pagination.nextCursor` as `cursor` with the same `sort` (a cursor of another sort is 400; constant cost at any depth; `page`, `total` and `totalPages` are null). Give `page` (1-based) for numbered pages with `total` and `totalPages` (counting costs a pass over the matching media).");
        group.MapGet("/{mediaId}", GetAsync).RequireLibraryAccess(Permissions.MediaRead).WithName("getLibraryMedia")
            .WithSummary("Get a Media")
            .WithDescription("`path` and `preview` are signed URLs that expire; `preview` appears once a thumbnail exists. `altText` and `description` appear once set; `tags` is always present (`[]` when none); `archivedAt` appears while the media is archived (status ARCHIVED). `conformed` (our addition) lists the renditions made for social networks by `POST /v2/media/{id}/conform`: `{network, placement, profile, fit, trim, status (PROCESSING, SUCCESS, ERROR), path (signed URL once SUCCESS), reason (when ERROR), specs {width, height, duration, fileSizeBytes, type}}`. `status` ERROR carries `reason` (a plain sentence) and `failureCode` (a stable code such as `unreadable_media`, `too_long`, `processing_timeout`).");
        group.MapPatch("/{mediaId}", PatchAsync).RequireLibraryAccess(Permissions.MediaWrite).WithName("confirmLibraryMedia").ProducesErrors(409, 413)
            .Accepts<UpdateMediaRequest>(isOptional: true, "application/json")
            .WithSummary("Confirm Uploaded Media, or update its details")
            .WithDescription("Without a body (no Content-Length, or 0): the reference's confirm. Checks the bytes arrived whole (size, and sha256 when declared) and that their sniffed type matches the declared one (a mismatch is 400 and the bytes are discarded), then processing starts. Confirming again is harmless; before any upload it is 409. "
                + "With a JSON body `{name?, altText?, description?, tags?, archived?}` (our addition): updates what it names and leaves the rest (null or absent: unchanged). `name` at most 255 characters; `altText` at most 1000 and `description` at most 5000 (`\"\"` clears them); `tags` replaces the list: at most 50, each 1 to 64 characters after trimming, compared case-insensitively (repeats count once; a tag the workspace already has keeps its first spelling), `[]` clears it; `archived: true` makes the status ARCHIVED (hidden from the default list and from catalog pickers, still stored and still served at URLs already issued), `false` restores the status it had. A field over its limit is 400 naming it. Answers 200 with Get a Media.");
        group.MapDelete("/{mediaId}", DeleteAsync).RequireLibraryAccess(Permissions.MediaDelete).WithName("deleteLibraryMedia")
            .WithSummary("Delete a Media")
            .WithDescription("Permanent: removes the original, previews and thumbnails. Media referenced elsewhere (catalog products, releases) are deleted too and drop out of those lists.");
        group.MapPut("/{mediaId}/upload", UploadAsync).AllowAnonymous().WithName("uploadLibraryMediaBytes")
            .AcceptsBytes("application/octet-stream").ProducesErrors(409, 413, 507)
            .WithSummary("Upload File to Media")
            .WithDescription("The `uploadUrl` of Create a Media: PUT the raw bytes (any Content-Type). Authorised by its signature; more bytes than declared is 413 and nothing is kept. Single use: while one PUT is streaming another is 409 `upload_in_progress`, after a complete upload it is 409 `already_uploaded`; a PUT that fails, is dropped or stops short gives the URL back for a retry while it is valid.");
        return routes;
    }

    private static async Task<Results<Created<CreatedMediaView>, LibraryErrorResult>> CreateAsync(HttpContext context, LibraryMediaService library, MediaUrlSigner signer, IOptions<LibraryOptions> options, TimeProvider clock, IOptions<DeliveryOptions> delivery, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<CreateMediaRequest>(context.Request, ct);
        if (body.Failed)
        {
            return LibraryErrors.From(body.Failure);
        }

        var tenant = RequestTenant.Of(context);
        var created = await library.CreateAsync(tenant.Id, tenant.Key, body.Value, ct);
        if (created.Failed)
        {
            return LibraryErrors.From(created.Failure);
        }

        var media = created.Value;

        var expires = clock.GetUtcNow().Add(options.Value.UploadUrlLifetime);
        var baseUrl = delivery.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        // Start-up guarantees the capability whenever DirectToBucket is on.
        var presigned = options.Value.DirectToBucket ? context.RequestServices.GetRequiredService<MediaVault.Core.Storage.IPresignedUrls>() : null;
        var uploadUrl = presigned is not null
            ? presigned.PresignPut(MediaVault.Core.Storage.BlobKey.Original(media.Area, media.TenantId, media.Id), options.Value.UploadUrlLifetime).ToString()
            : $"{baseUrl}/v2/media/{media.Id}/upload?{signer.SignUploadQuery(media.Id, media.Size!.Value, expires)}";
        var view = new CreatedMediaView(media.Id, media.Id, media.Name, media.MimeType!, LibraryViews.Status(media.State), uploadUrl, expires.UtcDateTime);
        return TypedResults.Created($"{context.Request.PathBase}/v2/media/{media.Id}", view);
    }

    private static async Task<Results<Ok<LibraryUploadAnswer>, LibraryErrorResult>> UploadAsync(
        string mediaId, string? exp, string? kid, string? sig, HttpContext context, LibraryMediaService library, MediaUrlSigner signer, CancellationToken ct)
    {
        var media = await library.FindAsync(null, mediaId, ct);
        if (media is null || !signer.VerifyUpload(media.Id, media.Size ?? -1, exp, kid, sig, out _))
        {
            return LibraryErrors.InvalidSignature();
        }

        if (media.State != MediaState.Pending)
        {
            return LibraryErrors.Conflict("This media is already confirmed; its upload URL is used up", "already_uploaded");
        }

        var received = await library.ReceiveAsync(media, context.Request.Body, context.Request.ContentLength, ct);
        if (received.Failed)
        {
            return LibraryErrors.From(received.Failure, received.Failure.Message == LibraryMediaService.UploadInProgress ? "upload_in_progress" : "already_uploaded");
        }

        var data = new LibraryUploadReceipt(media.Id, received.Value.Size, received.Value.Sha256);
        return TypedResults.Ok(new LibraryUploadAnswer(true, "File uploaded successfully", data));
    }

    private static Task<Results<Ok<LibraryMediaView>, LibraryErrorResult>> PatchAsync(
        string mediaId, HttpContext context, LibraryMediaService library, LibraryDetailsService details, LibraryViews views, LibraryCompatibilityService compatibility, CancellationToken ct) =>
        LibraryDetailsEndpoints.HasBody(context.Request)
            ? LibraryDetailsEndpoints.UpdateAsync(mediaId, context, details, views, compatibility, ct)
            : ConfirmAsync(mediaId, context, library, views, compatibility, ct);

    private static async Task<Results<Ok<LibraryMediaView>, LibraryErrorResult>> ConfirmAsync(
        string mediaId, HttpContext context, LibraryMediaService library, LibraryViews views, LibraryCompatibilityService compatibility, CancellationToken ct)
    {
        var tenantId = RequestTenant.Of(context).Id;
        var media = await library.FindAsync(tenantId, mediaId, ct);
        if (media is null)
        {
            return LibraryErrors.NotFound();
        }

        var confirmed = await library.ConfirmAsync(media, ct);
        if (confirmed.Failed)
        {
            return LibraryErrors.From(confirmed.Failure, "not_uploaded");
        }

        var reloaded = await library.FindAsync(tenantId, mediaId, ct);
        return reloaded is null ? LibraryErrors.NotFound() : TypedResults.Ok(await compatibility.WithConformedAsync(context.Request, reloaded, views.Media(context.Request, reloaded), ct));
    }

    private static async Task<Results<Ok<LibraryMediaView>, LibraryErrorResult>> GetAsync(
        string mediaId, HttpContext context, LibraryMediaService library, LibraryViews views, LibraryCompatibilityService compatibility, CancellationToken ct)
    {
        var media = await library.FindAsync(RequestTenant.Of(context).Id, mediaId, ct);
        if (media is null)
        {
            return LibraryErrors.NotFound();
        }

        return TypedResults.Ok(await compatibility.WithConformedAsync(context.Request, media, views.Media(context.Request, media), ct));
    }

    private static async Task<Results<Ok<LibraryPage>, LibraryErrorResult, JsonBytesResult>> ListAsync(
        HttpContext context, LibraryMediaService library, LibraryViews views, string? page, string? limit, string? type, string? status, string? cursor, string? q,
        string[]? tag, string? sort, string? compatibleWith, LibraryCompatibleList compatibleList, LibraryListAnswers answers, CancellationToken ct)
    {
        var parsed = LibraryListParameters.Parse(page, limit, type, status, cursor, q, tag, sort, compatibleWith);
        if (parsed.Failed)
        {
            return LibraryErrors.From(parsed.Failure);
        }

        var list = parsed.Value;
        if (list.CompatibleWith is var (network, placement) && !compatibleList.Knows(network, placement))
        {
            return LibraryErrors.Validation($"compatibleWith: no profile for {network}:{placement}");
        }

        var tenantId = RequestTenant.Of(context).Id;
        if (list.CompatibleWith is null)
        {
            // Answers without compatibleWith depend only on the tenant's rows, the request's key and the URL window.
            var remembered = await answers.GetOrMakeAsync(context.Request, tenantId, () => PageAsync(context, library, views, tenantId, list, ct), ct);
            return remembered is null ? LibraryErrors.Validation("cursor is not one this API issued") : remembered;
        }

        return await PageAsync(context, library, views, tenantId, list, ct) is { } listed
            ? TypedResults.Ok(listed)
            : LibraryErrors.Validation("cursor is not one this API issued");
    }

    /// <summary>The page as the list shows it; null when the cursor's key does not fit the sort.</summary>
    private static async Task<LibraryPage?> PageAsync(HttpContext context, LibraryMediaService library, LibraryViews views, Guid tenantId, LibraryListQuery list, CancellationToken ct)
    {
        if (await library.ListAsync(tenantId, list, ct) is not var (items, total))
        {
            return null;
        }

        var data = items.Select(m => views.Media(context.Request, m)).ToList();
        var next = items.Count == list.Limit ? LibraryKeyset.CursorAfter(items[^1], list.Sort).Encode() : null;
        var pagination = total is { } count
            ? new LibraryPagination(list.Page, list.Limit, count, (count + list.Limit - 1) / list.Limit, next)
            : new LibraryPagination(null, list.Limit, null, null, next);
        return new LibraryPage(true, data, pagination);
    }

    private static async Task<Results<Ok<LibraryMessage>, LibraryErrorResult>> DeleteAsync(string mediaId, HttpContext context, LibraryMediaService library, CancellationToken ct) =>
        await library.DeleteAsync(RequestTenant.Of(context).Id, mediaId, ct)
            ? TypedResults.Ok(new LibraryMessage(true, "Media deleted successfully"))
            : LibraryErrors.NotFound();
}
