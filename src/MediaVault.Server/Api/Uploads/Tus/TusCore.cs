using System.Globalization;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;
using MediaVault.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// tus core: <c>HEAD</c> (where an upload stands) and <c>PATCH</c> (append a chunk at the acknowledged offset), with
/// the checksum and defer-length extensions, one writer at a time, and completion into a media on the last byte.
/// </summary>
public sealed partial class TusCore(
    TusUploadService uploads, TusLocks locks, ITusChunkStore files, TusRunningHashes hashes, TusCompletion completion, IContentSniffer sniffer,
    IOptions<TusOptions> options, IOptions<MediaOptions> media, ILogger<TusCore> logger)
{
    public async Task<Results<Ok, TusErrorResult>> HeadAsync(string id, HttpContext context, CancellationToken ct)
    {
        var upload = await uploads.FindAsync(RequestTenant.Of(context).Id, id, ct);
        if (upload is null)
        {
            return TusResponses.NotFound();
        }

        var allowed = TusAccess.Check(context, upload);
        if (allowed.Failed)
        {
            return TusResponses.From(allowed.Failure);
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

    public async Task<Results<NoContent, TusErrorResult>> PatchAsync(string id, HttpContext context, CancellationToken ct)
    {
        var request = context.Request;
        var upload = await uploads.FindAsync(RequestTenant.Of(context).Id, id, ct);
        if (upload is null)
        {
            return TusResponses.NotFound();
        }

        var allowed = TusAccess.Check(context, upload);
        if (allowed.Failed)
        {
            return TusResponses.From(allowed.Failure);
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
        return await AppendAsync(context, upload, offset, target, ct);
    }

    /// <summary>
    /// Writes the request body at <paramref name="offset"/>: PATCH's answer. On success the upload object is advanced and
    /// its state is in the response headers (creation-with-upload answers 201 instead of the 204); else the error to send.
    /// </summary>
    public async Task<Results<NoContent, TusErrorResult>> AppendAsync(HttpContext context, TusUpload upload, long offset, TusTarget target, CancellationToken ct)
    {
        using var checksum = TusChecksum.Parse(context.Request.Headers[TusHeaders.UploadChecksum], out var checksumError);
        if (checksumError is not null)
        {
            return TusResponses.Error(StatusCodes.Status400BadRequest, checksumError);
        }

        var cap = Math.Min(options.Value.MaxSize, media.Value.LimitForTenant(RequestTenant.Of(context).Key));
        if (upload.Length > cap)
        {
            return TusResponses.Error(StatusCodes.Status413PayloadTooLarge, $"Upload-Length exceeds the largest file allowed ({cap} bytes)");
        }

        await using var lease = await locks.TryTakeAsync(upload, offset, ct);
        if (lease is null)
        {
            return TusResponses.Error(StatusCodes.Status423Locked, "Another request is writing to this upload; try again after it finishes");
        }

        if (await uploads.ReconcileAsync(upload, ct))
        {
            return TusResponses.Error(StatusCodes.Status409Conflict, $"Upload-Offset {offset} does not match the upload's offset {upload.Offset}");
        }

        var running = await hashes.TakeAsync(files, upload, offset, ct);
        var keep = false;
        try
        {
            (var answer, keep) = await AppendLockedAsync(context, upload, offset, target, checksum, cap, lease, running, ct);
            return answer;
        }
        finally
        {
            if (keep)
            {
                hashes.Keep(upload.Id, running);
            }
            else
            {
                running.Dispose();
            }
        }
    }

    /// <summary><see cref="AppendAsync"/> once the lease is held; also says whether <paramref name="running"/> now covers the new offset (keep it for the next chunk).</summary>
    private async Task<(Results<NoContent, TusErrorResult> Answer, bool KeepHash)> AppendLockedAsync(
        HttpContext context, TusUpload upload, long offset, TusTarget target, TusChecksum? checksum, long cap, TusLease lease, TusRunningHash running, CancellationToken ct)
    {
        TusAppendResult result;
        TusSizeCap capped;
        try
        {
            capped = await CapAsync(context.Request.Body, upload, offset, cap, ct);
            var max = (upload.Length ?? options.Value.MaxSize) - offset;
            result = await files.AppendAsync(upload.TenantId, upload.Id, offset, capped, max, checksum?.Hash, running.Hash, ct);
        }
        catch (Exception ex) when (StorageFullException.IsCause(ex))
        {
            LogStorageFull(upload.TenantId, upload.Id, offset);
            return (TusResponses.InsufficientStorage(), false);
        }

        if (capped.Exceeded)
        {
            // The upload can never be accepted: drop it whole rather than keep bytes that will be refused.
            await uploads.DeleteAsync(upload.TenantId, upload.Id, CancellationToken.None);
            return (TusResponses.Error(StatusCodes.Status413PayloadTooLarge, $"The upload exceeds the largest file allowed ({capped.Limit} bytes); it was discarded"), false);
        }

        if (result.TooLong)
        {
            return (TusResponses.Error(StatusCodes.Status413PayloadTooLarge, "The chunk goes past the upload's length; nothing of it was kept"), false);
        }

        if (checksum is not null && (result.Interrupted || !checksum.Matches()))
        {
            await files.TruncateAsync(upload.TenantId, upload.Id, offset, ct);
            return (TusResponses.Error(TusHeaders.ChecksumMismatch, "Checksum mismatch; the chunk was discarded"), false);
        }

        // After a body that broke off the running hash may hold bytes that were not stored: it is rebuilt next time.
        var hashKept = !result.Interrupted;
        var last = !result.Interrupted && upload.Length == offset + result.Written;
        await uploads.AdvanceAsync(upload, lease, offset + result.Written, upload.Length, keepLock: last, CancellationToken.None);
        if (!last)
        {
            if (hashKept)
            {
                running.Advance(result.Written);
            }

            return (Appended(context.Response, upload), hashKept);
        }

        Outcome<string> completed;
        try
        {
            completed = await completion.CompleteAsync(upload, target, hashKept ? running.Finish() : null, ct);
        }
        catch (StorageFullException)
        {
            // The chunk store kept every part but there is no room to assemble them: the last chunk is given back
            // (truncated away, offset where it was) so the client sends it again once there is room.
            await files.TruncateAsync(upload.TenantId, upload.Id, offset, CancellationToken.None);
            await uploads.AdvanceAsync(upload, lease, offset, upload.Length, keepLock: false, CancellationToken.None);
            LogStorageFull(upload.TenantId, upload.Id, offset);
            return (TusResponses.InsufficientStorage(), false);
        }

        if (completed.Failed)
        {
            await uploads.DeleteAsync(upload.TenantId, upload.Id, CancellationToken.None);
            lease.Released = true;
            return (TusResponses.From(completed.Failure), false);
        }

        await uploads.CompleteAsync(upload, completed.Value, ct);
        return (Appended(context.Response, upload), false);
    }

    private static NoContent Appended(HttpResponse response, TusUpload upload)
    {
        TusResponses.WriteState(response, upload);
        return TypedResults.NoContent();
    }

    /// <summary>The body, cut off where the upload would pass the caps (its kind's as soon as its first bytes are known).</summary>
    private async Task<TusSizeCap> CapAsync(Stream body, TusUpload upload, long offset, long cap, CancellationToken ct)
    {
        var start = new byte[Math.Min(offset, sniffer.HeaderLength)];
        var stored = start.Length == 0 ? 0 : await files.ReadStartAsync(upload.TenantId, upload.Id, start, ct);
        return new TusSizeCap(body, offset, upload.Length, start.AsSpan(0, stored), cap, sniffer, media.Value.LimitForKind);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage full: a chunk of upload {UploadId} (tenant {TenantId}) at offset {Offset} was refused with 507")]
    private partial void LogStorageFull(Guid tenantId, string uploadId, long offset);
}
