using System.Globalization;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Resumable uploads, tus 1.0.0 at <c>/uploads</c> (core, creation, creation-with-upload, creation-defer-length,
/// termination, checksum, expiration; no concatenation). Every response carries <c>Tus-Resumable</c>.
/// </summary>
public static class TusEndpoints
{
    public static IEndpointRouteBuilder MapTusEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/uploads").WithTags("Resumable uploads (tus)");
        group.MapMethods("/", [HttpMethods.Options], Options).WithSummary("tus capabilities");
        group.MapPost("/", CreateOrOverrideAsync).RequireTusAccess()
            .WithSummary("Create an upload (Upload-Length or Upload-Defer-Length; Upload-Metadata: filename, filetype, target=library|media|release, mediaId, releaseId)");
        group.MapMethods("/{id}", [HttpMethods.Head], (string id, HttpContext context, TusCore core, CancellationToken ct) => core.HeadAsync(id, context, ct))
            .RequireTusAccess().WithSummary("Where an upload stands (Upload-Offset; Upload-Media-Id once finished)");
        group.MapPatch("/{id}", (string id, HttpContext context, TusCore core, CancellationToken ct) => core.PatchAsync(id, context, ct))
            .RequireTusAccess().WithSummary("Append a chunk (application/offset+octet-stream at Upload-Offset; Upload-Checksum sha1|sha256)");
        group.MapDelete("/{id}", TusTermination.DeleteAsync).RequireTusAccess().WithSummary("Terminate an upload");
        group.MapPost("/{id}", OverrideAsync).RequireTusAccess().WithSummary("X-HTTP-Method-Override for PATCH, DELETE and HEAD");
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

    private static IResult Options(HttpContext context, IOptions<TusOptions> options)
    {
        var headers = context.Response.Headers;
        headers[TusHeaders.SupportedVersions] = TusHeaders.Version;
        headers[TusHeaders.Extensions] = TusHeaders.SupportedExtensions;
        headers[TusHeaders.MaxSize] = options.Value.MaxSize.ToString(CultureInfo.InvariantCulture);
        headers[TusHeaders.ChecksumAlgorithms] = TusChecksum.Algorithms;
        return TypedResults.NoContent();
    }

    private static Task<IResult> CreateOrOverrideAsync(
        HttpContext context, TusUploadService uploads, TusCompletion completion, TusCore core, IOptions<TusOptions> options, IOptions<MediaVault.Core.Media.MediaOptions> media, CancellationToken ct) =>
        TusCreation.CreateAsync(context, uploads, completion, core, options, media, ct);

    private static Task<IResult> OverrideAsync(string id, HttpContext context, TusCore core, TusUploadService uploads, CancellationToken ct) =>
        context.Request.Headers[TusHeaders.MethodOverride].ToString().ToUpperInvariant() switch
        {
            "PATCH" => core.PatchAsync(id, context, ct),
            "DELETE" => TusTermination.DeleteAsync(id, context, uploads, ct),
            "HEAD" => core.HeadAsync(id, context, ct),
            _ => Task.FromResult(TusResponses.Error(StatusCodes.Status405MethodNotAllowed, "Use PATCH, HEAD or DELETE (or X-HTTP-Method-Override)")),
        };
}
