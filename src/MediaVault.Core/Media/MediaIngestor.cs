using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Core.Media;

/// <summary>
/// The one way bytes become a stored media: stream into a staging file while hashing, sniff the real type (from the
/// leading bytes, or by probing the complete staging file when they cannot decide: <see cref="IContentProbe"/>),
/// refuse what is not allowed, then move the file into the blob store. The caller persists the returned
/// <see cref="MediaItem"/>; if it cannot, it must delete the stored original. A full storage is a refusal
/// (<see cref="IngestError.StorageFull"/>) with nothing staged left behind.
/// </summary>
public sealed class MediaIngestor(IBlobStore store, IStagingArea staging, IContentSniffer sniffer, IContentProbe probe, IOptions<MediaOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The size of each of the two spool buffers. Both together (512 KiB) fit the per-core L2 cache here, so the block
    /// just received is still cached when it is hashed and written; with two 1 MiB buffers every byte went out to memory
    /// and back twice more, and a 1 GiB PUT cost the server ~20 % more CPU (bench/RESULTS.md, issue 19 session 7).
    /// </summary>
    private const int BufferSize = 256 * 1024;

    /// <exception cref="OperationCanceledException">The client went away; nothing is left behind.</exception>
    public async Task<IngestResult> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        var limit = Math.Min(request.MaxBytes ?? long.MaxValue, options.Value.MaxFileBytes);
        var stagingPath = Path.Combine(staging.Folder, Guid.NewGuid().ToString("N") + ".part");
        var imported = false;
        try
        {
            Directory.CreateDirectory(staging.Folder);
            var spooled = await SpoolAsync(request, stagingPath, limit, cancellationToken);
            if (spooled.TooLargeLimit is { } exceeded)
            {
                return IngestResult.Refused(IngestError.TooLarge, $"File exceeds the maximum size of {exceeded} bytes");
            }

            var (size, sha256) = (spooled.Size, spooled.Sha256);
            if (size == 0)
            {
                return IngestResult.Refused(IngestError.Empty, "File is empty");
            }

            var sniffed = await probe.RecognizeAsync(stagingPath, spooled.Sniffed, cancellationToken);
            if (sniffed is not null && size > KindLimit(request, sniffed, limit))
            {
                return IngestResult.Refused(IngestError.TooLarge, $"File exceeds the maximum size of {KindLimit(request, sniffed, limit)} bytes");
            }

            if (IsRefused(sniffed, request.AllowedKinds, out var refused))
            {
                return refused;
            }

            var media = NewMedia(MediaId.New(), request.TenantId, request.FileName, request.Area, sniffed, size, sha256);

            imported = true;
            await store.ImportFileAsync(BlobKey.Original(request.Area, request.TenantId, media.Id), stagingPath, cancellationToken);
            return IngestResult.Stored(media);
        }
        catch (Exception ex) when (StorageFullException.IsCause(ex))
        {
            return IngestResult.StorageFull();
        }
        finally
        {
            if (!imported)
            {
                File.Delete(stagingPath);
            }
        }
    }

    /// <summary>
    /// Turns a complete local file into a stored media: the same checks as <see cref="IngestAsync"/>, then the file is
    /// moved (not copied) into the store. A refused file is left where it is, for the caller to remove.
    /// </summary>
    public async Task<IngestResult> IngestFileAsync(IngestFileRequest request, CancellationToken cancellationToken)
    {
        var size = new FileInfo(request.LocalPath).Length;
        if (size == 0)
        {
            return IngestResult.Refused(IngestError.Empty, "File is empty");
        }

        string sha256;
        var header = new byte[sniffer.HeaderLength];
        int headerLength;
        await using (var file = new FileStream(request.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            headerLength = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            if (request.Sha256 is { } known)
            {
                sha256 = known;
            }
            else
            {
                file.Position = 0;
                sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            }
        }

        var sniffed = await probe.RecognizeAsync(request.LocalPath, sniffer.Sniff(header.AsSpan(0, headerLength)), cancellationToken);
        var limit = Math.Min(request.MaxBytes ?? long.MaxValue, options.Value.MaxFileBytes);
        if (sniffed is not null)
        {
            limit = Math.Min(limit, options.Value.LimitForKind(sniffed.Kind));
            if (request.MaxBytesForKind is { } perKind)
            {
                limit = Math.Min(limit, perKind(sniffed.Kind));
            }
        }

        if (size > limit)
        {
            return IngestResult.Refused(IngestError.TooLarge, $"File exceeds the maximum size of {limit} bytes");
        }

        if (IsRefused(sniffed, request.AllowedKinds, out var refused))
        {
            return refused;
        }

        var media = NewMedia(request.MediaId ?? MediaId.New(), request.TenantId, request.FileName, request.Area, sniffed, size, sha256);
        try
        {
            await store.ImportFileAsync(BlobKey.Original(request.Area, request.TenantId, media.Id), request.LocalPath, cancellationToken);
        }
        catch (Exception ex) when (StorageFullException.IsCause(ex))
        {
            return IngestResult.StorageFull();
        }

        return IngestResult.Stored(media);
    }

    /// <summary>
    /// Streams bytes for an existing media (an upload URL's PUT) into <paramref name="key"/>, replacing what was there
    /// only once complete. Returns null when more than <paramref name="maxBytes"/> arrive; then nothing is kept.
    /// </summary>
    /// <exception cref="OperationCanceledException">The client went away; nothing is left behind.</exception>
    /// <exception cref="StorageFullException">The storage is full; nothing is left behind.</exception>
    public async Task<StoredBytes?> StoreAsync(BlobKey key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var stagingPath = Path.Combine(staging.Folder, Guid.NewGuid().ToString("N") + ".part");
        var imported = false;
        try
        {
            Directory.CreateDirectory(staging.Folder);
            var request = new IngestRequest(key.TenantId, content, null, key.Area, new HashSet<MediaKind>(), maxBytes);
            var spooled = await SpoolAsync(request, stagingPath, Math.Min(maxBytes, options.Value.MaxFileBytes), cancellationToken);
            if (spooled.TooLargeLimit is not null)
            {
                return null;
            }

            imported = true;
            await store.ImportFileAsync(key, stagingPath, cancellationToken);
            return new StoredBytes(spooled.Size, spooled.Sha256, spooled.Sniffed);
        }
        catch (Exception ex) when (ex is not StorageFullException && StorageFullException.IsCause(ex))
        {
            throw new StorageFullException(StorageFullException.ClientMessage, ex);
        }
        finally
        {
            if (!imported)
            {
                File.Delete(stagingPath);
            }
        }
    }

    private MediaItem NewMedia(string id, Guid tenantId, string? fileName, StorageArea area, SniffResult sniffed, long size, string sha256)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new MediaItem
        {
            Id = id,
            TenantId = tenantId,
            Kind = sniffed.Kind,
            Name = FileNames.Sanitize(fileName),
            State = MediaState.Uploaded,
            Area = area,
            Size = size,
            Sha256 = sha256,
            MimeType = sniffed.MimeType,
            CreatedAt = now,
            UpdatedAt = now,
            UploadedAt = now,
        };
    }

    /// <summary>
    /// The one allow-list decision: why sniffed content may not be stored where <paramref name="allowedKinds"/> are
    /// accepted (unrecognised, a type not in <see cref="MediaOptions.AllowedMimeTypes"/>, or a kind not allowed), or
    /// null when it may.
    /// </summary>
    public IngestResult? Refusal(SniffResult? sniffed, IReadOnlySet<MediaKind> allowedKinds) =>
        sniffed is null || !options.Value.AllowedMimeTypes.Contains(sniffed.MimeType, StringComparer.OrdinalIgnoreCase)
            ? IngestResult.Refused(IngestError.UnknownContent, "File content is not a supported media type")
            : !allowedKinds.Contains(sniffed.Kind)
                ? IngestResult.Refused(IngestError.KindNotAllowed, $"File content is {sniffed.Kind.ToString().ToLowerInvariant()}, which is not allowed here")
                : null;

    private bool IsRefused([NotNullWhen(false)] SniffResult? sniffed, IReadOnlySet<MediaKind> allowedKinds, [NotNullWhen(true)] out IngestResult? refusal)
    {
        refusal = Refusal(sniffed, allowedKinds);
        return refusal is not null;
    }

    private sealed record Spooled(long Size, string Sha256, SniffResult? Sniffed, long? TooLargeLimit);

    /// <summary>
    /// Streams into the staging file while hashing; sniffs as soon as the header is in, so a per-kind limit stops an
    /// oversized upload early. Two buffers: one is received into while the other is hashed and written
    /// (<see cref="OverlappedBlockWriter"/>).
    /// </summary>
    private async Task<Spooled> SpoolAsync(IngestRequest request, string path, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[sniffer.HeaderLength];
        var headerLength = 0;
        SniffResult? sniffed = null;
        var sniffDone = false;
        long total = 0;
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BufferSize), ArrayPool<byte>.Shared.Rent(BufferSize)];
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await using var writer = new OverlappedBlockWriter(file, hash);
            var next = 0;
            int read;
            // Fill the whole buffer before writing: request bodies arrive in small segments, and one write per buffer keeps system calls few.
            while ((read = await request.Content.ReadAtLeastAsync(buffers[next].AsMemory(0, BufferSize), BufferSize, throwOnEndOfStream: false, cancellationToken)) > 0)
            {
                var buffer = buffers[next];
                total += read;
                if (headerLength < header.Length)
                {
                    var take = Math.Min(read, header.Length - headerLength);
                    Array.Copy(buffer, 0, header, headerLength, take);
                    headerLength += take;
                }

                if (!sniffDone && headerLength == header.Length)
                {
                    sniffed = sniffer.Sniff(header);
                    limit = KindLimit(request, sniffed, limit);
                    sniffDone = true;
                }

                if (total > limit)
                {
                    return new Spooled(total, "", sniffed, limit);
                }

                await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                next = 1 - next;
            }

            await writer.FlushAsync(cancellationToken);
        }
        finally
        {
            // The writer (disposed above, before this runs) no longer touches either buffer.
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }

        if (!sniffDone)
        {
            sniffed = sniffer.Sniff(header.AsSpan(0, headerLength));
            limit = KindLimit(request, sniffed, limit);
        }

        return total > limit
            ? new Spooled(total, "", sniffed, limit)
            : new Spooled(total, Convert.ToHexStringLower(hash.GetHashAndReset()), sniffed, null);
    }

    /// <summary>The limit for the sniffed kind; a container whose kind its streams decide is capped once probed.</summary>
    private long KindLimit(IngestRequest request, SniffResult? sniffed, long limit)
    {
        if (sniffed is null || sniffed.NeedsStreams)
        {
            return limit;
        }

        limit = Math.Min(limit, options.Value.LimitForKind(sniffed.Kind));
        return request.MaxBytesForKind is { } perKind ? Math.Min(limit, perKind(sniffed.Kind)) : limit;
    }
}
