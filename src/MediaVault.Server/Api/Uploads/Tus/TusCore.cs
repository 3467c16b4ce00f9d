using System.Globalization;
using MediaVault.Core.Uploads;
using MediaVault.Server.Hosting;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// tus core: <c>HEAD</c> (where an upload stands) and <c>PATCH</c> (append a chunk at the acknowledged offset), with
/// the checksum and defer-length extensions, one writer at a time, and completion into a media on the last byte.
/// </summary>
public sealed class TusCore(TusUploadService uploads, ITusChunkStore files, TusCompletion completion, IOptions<TusOptions> options)
{
    public async Task<IResult> HeadAsync(string id, HttpContext context, CancellationToken ct)
    {
        var upload = await uploads.FindAsync(RequestTenant.Of(context).Id, id, ct);
        if (upload is null)
        {
            return TusResponses.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        TusResponses.WriteState(context.Response, upload);
        if (upload.Length is { } length)
        {
            headers[TusHeaders.UploadLength] = length.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            headers[TusHeaders.UploadDeferLength] = "1";
        }

        if (upload.Metadata.Length > 0)
        {
            headers[TusHeaders.UploadMetadata] = upload.Metadata;
        }

        return TypedResults.Ok();
    }

    public async Task<IResult> PatchAsync(string id, HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        var upload = await uploads.FindAsync(RequestTenant.Of(context).Id, id, ct);
        if (upload is null)
        {
            return TusResponses.NotFound();
        }

        if (request.ContentType?.StartsWith(TusHeaders.OffsetContentType, StringComparison.OrdinalIgnoreCase) != true)
        {
            return TusResponses.Error(StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {TusHeaders.OffsetContentType}");
        }

        if (!long.TryParse(request.Headers[TusHeaders.UploadOffset].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return TusResponses.Error(StatusCodes.Status400BadRequest, "Upload-Offset is required");
        }

        if (offset != upload.Offset)
        {
            return TusResponses.Error(StatusCodes.Status409Conflict, $"Upload-Offset {offset} does not match the upload's offset {upload.Offset}");
        }

        var lengthHeader = request.Headers[TusHeaders.UploadLength].ToString();
        if (upload.Length is null && lengthHeader.Length > 0)
        {
            if (!long.TryParse(lengthHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length < offset || length > options.Value.MaxSize)
            {
                return TusResponses.Error(StatusCodes.Status400BadRequest, "Upload-Length is invalid");
            }

            upload.Length = length;
        }

        var target = TusTarget.From(TusMetadata.Parse(upload.Metadata) ?? []).Value!;
        var failed = await AppendAsync(context, upload, offset, target, ct);
        if (failed is not null)
        {
            return failed;
        }

        TusResponses.WriteState(context.Response, upload);
        return TypedResults.NoContent();
    }

    /// <summary>Writes the request body at <paramref name="offset"/>; null on success (the upload object is advanced), else the error to send.</summary>
    public async Task<IResult?> AppendAsync(HttpContext context, TusUpload upload, long offset, TusTarget target, CancellationToken ct)
    {
        using var checksum = TusChecksum.Parse(context.Request.Headers[TusHeaders.UploadChecksum], out var checksumError);
        if (checksumError is not null)
        {
            return TusResponses.Error(StatusCodes.Status400BadRequest, checksumError);
        }

        var owner = Guid.NewGuid().ToString("N");
        if (!await uploads.TryLockAsync(upload, offset, owner, ct))
        {
            return TusResponses.Error(StatusCodes.Status423Locked, "Another request is writing to this upload; try again after it finishes");
        }

        var locked = true;
        try
        {
            var max = (upload.Length ?? options.Value.MaxSize) - offset;
            var result = await files.AppendAsync(upload.TenantId, upload.Id, offset, context.Request.Body, max, checksum, ct);
            if (result.TooLong)
            {
                return TusResponses.Error(StatusCodes.Status413PayloadTooLarge, "The chunk goes past the upload's length; nothing of it was kept");
            }

            if (checksum is not null && (result.Interrupted || !checksum.Matches()))
            {
                await files.TruncateAsync(upload.TenantId, upload.Id, offset, ct);
                return TusResponses.Error(TusHeaders.ChecksumMismatch, "Checksum mismatch; the chunk was discarded");
            }

            await uploads.AdvanceAsync(upload, owner, offset + result.Written, upload.Length, CancellationToken.None);
            locked = false;
            if (result.Interrupted || upload.Length != upload.Offset)
            {
                return null;
            }

            var completed = await completion.CompleteAsync(upload, target, ct);
            if (completed.Failure is { } refused)
            {
                await uploads.DeleteAsync(upload.TenantId, upload.Id, ct);
                return TusResponses.From(refused);
            }

            await uploads.CompleteAsync(upload, completed.Value!, ct);
            return null;
        }
        finally
        {
            if (locked)
            {
                using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await uploads.UnlockAsync(upload, owner, cleanup.Token);
            }
        }
    }
}
