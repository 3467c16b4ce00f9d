using System.Globalization;
using Microsoft.Extensions.Options;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;
using MediaVault.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>The creation extensions: <c>POST /uploads</c> with <c>Upload-Length</c> or <c>Upload-Defer-Length</c>, and optionally the first chunk (creation-with-upload).</summary>
public static class TusCreation
{
    public static async Task<Results<Created, TusErrorResult>> CreateAsync(
        HttpContext context, TusUploadService uploads, TusCompletion completion, TusCore core, IOptions<TusOptions> options, IOptions<MediaVault.Core.Media.MediaOptions> media, CancellationToken ct)
    {
        var request = context.Request;
        var tenant = RequestTenant.Of(context);
        var lengthHeader = request.Headers[TusHeaders.UploadLength].ToString();
        var deferred = request.Headers[TusHeaders.UploadDeferLength].ToString() == "1";
        long? length = null;
        if (lengthHeader.Length > 0)
        {
            if (deferred || !long.TryParse(lengthHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return TusResponses.Error(StatusCodes.Status400BadRequest, "Upload-Length must be a non-negative integer (and not combined with Upload-Defer-Length)");
            }

            length = parsed;
        }
        else if (!deferred)
        {
            return TusResponses.Error(StatusCodes.Status400BadRequest, "Upload-Length or Upload-Defer-Length: 1 is required");
        }

        if (length > options.Value.MaxSize)
        {
            return TusResponses.Error(StatusCodes.Status413PayloadTooLarge, $"Upload-Length exceeds Tus-Max-Size {options.Value.MaxSize}");
        }

        if (length > media.Value.LimitForTenant(tenant.Key))
        {
            return TusResponses.Error(StatusCodes.Status413PayloadTooLarge, $"Upload-Length exceeds the largest file allowed ({media.Value.LimitForTenant(tenant.Key)} bytes)");
        }

        var metadataHeader = request.Headers[TusHeaders.UploadMetadata].ToString();
        if (TusMetadata.Parse(metadataHeader) is not { } metadata)
        {
            return TusResponses.Error(StatusCodes.Status400BadRequest, "Upload-Metadata is malformed");
        }

        var target = TusTarget.From(metadata);
        if (target.Failed)
        {
            return TusResponses.From(target.Failure);
        }

        if (!target.Value.IsAllowedFor(tenant.Caller))
        {
            return TusResponses.Error(StatusCodes.Status403Forbidden, $"Missing permission: {target.Value.Permission}");
        }

        var checkedTarget = await completion.CheckAsync(tenant.Id, target.Value, length, ct);
        if (checkedTarget.Failed)
        {
            return TusResponses.From(checkedTarget.Failure);
        }

        TusUpload upload;
        try
        {
            upload = await uploads.CreateAsync(tenant.Id, length, metadataHeader, ct);
        }
        catch (StorageFullException)
        {
            return TusResponses.From(MediaVault.Core.Failure.InsufficientStorage());
        }

        // Set before the first chunk is written, so an error answer to it still names the upload to resume.
        var location = $"{request.PathBase}/uploads/{upload.Id}";
        context.Response.Headers.Location = location;
        if (request.ContentType?.StartsWith(TusHeaders.OffsetContentType, StringComparison.OrdinalIgnoreCase) == true)
        {
            // creation-with-upload: the body is the first chunk, written exactly as a PATCH at offset 0 would be.
            if ((await core.AppendAsync(context, upload, 0, target.Value, ct)).Result is TusErrorResult failed)
            {
                return failed;
            }
        }
        else
        {
            TusResponses.WriteState(context.Response, upload);
        }

        return TypedResults.Created(location);
    }
}
