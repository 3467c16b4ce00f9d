using System.Globalization;
using Microsoft.Extensions.Options;
using MediaVault.Server.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Resumable uploads, tus 1.0.0 at <c>/uploads</c> (core, creation, creation-with-upload, creation-defer-length,
/// termination, checksum, expiration; no concatenation). Every response carries <c>Tus-Resumable</c>.
/// </summary>
public static class TusEndpoints
{
    public static IEndpointRouteBuilder MapTusEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/uploads").WithTags("Resumable uploads (tus)").WithSurface(ApiSurface.Tus);
        group.MapMethods("/", [HttpMethods.Options], Options).WithSummary("tus capabilities").AllowAnonymous().WithName("tusOptions")
            .ProducesRaw(StatusCodes.Status204NoContent, null, "Capabilities", "Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size", "Tus-Checksum-Algorithm");
        group.MapPost("/", CreateOrOverrideAsync).RequireTusAccess().WithName("createTusUpload").WithTusResumable()
            .WithHeader("Upload-Length", required: false, "Total size in bytes", integer: true).WithHeader("Upload-Defer-Length", required: false, "1 when the size is not known yet", integer: true)
            .WithHeader("Upload-Metadata", required: false, "Comma-separated `key base64value` pairs: filename, filetype, target, mediaId, releaseId")
            .WithHeader("Upload-Checksum", required: false, "`sha1|sha256 <base64>` of the bytes sent with the creation")
            .AcceptsBytes("application/offset+octet-stream", required: false)
            .ProducesRaw(StatusCodes.Status201Created, null, "Created; Location is the upload's URL", "Location", "Upload-Offset", "Upload-Expires", "Upload-Media-Id")
            .ProducesErrors(409, 413, 415, 507)
            .WithSummary("Create an upload (Upload-Length or Upload-Defer-Length; Upload-Metadata: filename, filetype, target=library|media|release, mediaId, releaseId)");
        group.MapMethods("/{id}", [HttpMethods.Head], (string id, HttpContext context, TusCore core, CancellationToken ct) => core.HeadAsync(id, context, ct))
            .RequireTusAccess().WithSummary("Where an upload stands (Upload-Offset; Upload-Media-Id once finished)").WithName("getTusUploadOffset").WithTusResumable()
            .ProducesRaw(StatusCodes.Status200OK, null, "The upload's state, in headers", "Upload-Offset", "Upload-Expires", "Upload-Length", "Upload-Defer-Length", "Upload-Metadata", "Upload-Media-Id", "Cache-Control");
        group.MapPatch("/{id}", (string id, HttpContext context, TusCore core, CancellationToken ct) => core.PatchAsync(id, context, ct))
            .RequireTusAccess().WithSummary("Append a chunk (application/offset+octet-stream at Upload-Offset; Upload-Checksum sha1|sha256)").WithName("appendTusChunk").WithTusResumable()
            .WithHeader("Upload-Offset", required: true, "Where the chunk starts", integer: true).WithHeader("Upload-Length", required: false, "The total size, once known (deferred length)", integer: true)
            .WithHeader("Upload-Checksum", required: false, "`sha1|sha256 <base64>` of the chunk").AcceptsBytes("application/offset+octet-stream")
            .ProducesRaw(StatusCodes.Status204NoContent, null, "Chunk stored", "Upload-Offset", "Upload-Expires", "Upload-Media-Id").ProducesErrors(409, 413, 415, 423, 460, 507);
        group.MapDelete("/{id}", TusTermination.DeleteAsync).RequireTusAccess().WithSummary("Terminate an upload").WithName("terminateTusUpload").WithTusResumable()
            .ProducesRaw(StatusCodes.Status204NoContent, null, "Terminated");
        group.MapPost("/{id}", OverrideAsync).RequireTusAccess().WithSummary("X-HTTP-Method-Override for PATCH, DELETE and HEAD").WithName("overrideTusMethod").WithTusResumable()
            .WithHeader("X-HTTP-Method-Override", required: true, "PATCH, DELETE or HEAD").WithHeader("Upload-Offset", required: false, "As for PATCH", integer: true)
            .WithHeader("Upload-Checksum", required: false, "As for PATCH").AcceptsBytes("application/offset+octet-stream", required: false)
            .ProducesRaw(StatusCodes.Status200OK, null, "HEAD's answer", "Upload-Offset", "Upload-Expires", "Upload-Length", "Upload-Metadata", "Upload-Media-Id")
            .ProducesRaw(StatusCodes.Status204NoContent, null, "PATCH's or DELETE's answer", "Upload-Offset", "Upload-Expires").ProducesErrors(405, 409, 413, 415, 423, 460, 507);
        return routes;
    }

    /// <summary>Adds <c>Tus-Resumable</c> to every response under <c>/uploads</c>.</summary>
    public static IApplicationBuilder UseTusResumableHeader(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/uploads", StringComparison.Ordinal))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers[TusHeaders.Resumable] = TusHeaders.Version;
                    return Task.CompletedTask;
                });
            }

            return next(context);
        });

    private static NoContent Options(HttpContext context, IOptions<TusOptions> options)
    {
        var headers = context.Response.Headers;
        headers[TusHeaders.SupportedVersions] = TusHeaders.Version;
        headers[TusHeaders.Extensions] = TusHeaders.SupportedExtensions;
        headers[TusHeaders.MaxSize] = options.Value.MaxSize.ToString(CultureInfo.InvariantCulture);
        headers[TusHeaders.ChecksumAlgorithms] = TusChecksum.Algorithms;
        return TypedResults.NoContent();
    }

    private static Task<Results<Created, TusErrorResult>> CreateOrOverrideAsync(
        HttpContext context, TusUploadService uploads, TusCompletion completion, TusCore core, IOptions<TusOptions> options, IOptions<MediaVault.Core.Media.MediaOptions> media, CancellationToken ct) =>
        TusCreation.CreateAsync(context, uploads, completion, core, options, media, ct);

    private static async Task<Results<Ok, NoContent, TusErrorResult>> OverrideAsync(string id, HttpContext context, TusCore core, TusUploadService uploads, CancellationToken ct) =>
        context.Request.Headers[TusHeaders.MethodOverride].ToString().ToUpperInvariant() switch
        {
            "PATCH" => Widen(await core.PatchAsync(id, context, ct)),
            "DELETE" => Widen(await TusTermination.DeleteAsync(id, context, uploads, ct)),
            "HEAD" => Widen(await core.HeadAsync(id, context, ct)),
            _ => TusResponses.Error(StatusCodes.Status405MethodNotAllowed, "Use PATCH, HEAD or DELETE (or X-HTTP-Method-Override)"),
        };

    /// <summary>
    /// The answer of the overridden method, as one of the override's answers. The last arm stays because
    /// <c>Results&lt;,&gt;.Result</c> is typed <see cref="IResult"/>, an open interface: C# has no closed unions, so no
    /// switch over it is exhaustive to the compiler, though a <c>Results&lt;TSuccess, TusErrorResult&gt;</c> built from
    /// <c>Ok</c> or <c>NoContent</c> never reaches it.
    /// </summary>
    private static Results<Ok, NoContent, TusErrorResult> Widen<TSuccess>(Results<TSuccess, TusErrorResult> answer)
        where TSuccess : IResult => answer.Result switch
        {
            Ok ok => ok,
            NoContent done => done,
            TusErrorResult error => error,
            _ => throw new System.Diagnostics.UnreachableException($"The override cannot answer {answer.Result.GetType().Name}"),
        };
}
