using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography;
using MediaVault.Core.Storage;

namespace MediaVault.Core.Media;

/// <summary>The upload URL's PUT: a request body read from its pipe, hashed and written where Kestrel received it.</summary>
public sealed partial class MediaIngestor
{
    /// <summary>
    /// Streams bytes for an existing media (an upload URL's PUT) into <paramref name="key"/>, replacing what was there
    /// only once complete. Returns null when more than <paramref name="maxBytes"/> arrive; then nothing is kept.
    /// </summary>
    /// <exception cref="OperationCanceledException">The client went away; nothing is left behind.</exception>
    /// <exception cref="StorageFullException">The storage is full; nothing is left behind.</exception>
    public async Task<StoredBytes?> StoreAsync(BlobKey key, PipeReader body, long maxBytes, CancellationToken cancellationToken)
    {
        var stagingPath = Path.Combine(staging.Folder, Guid.NewGuid().ToString("N") + ".part");
        var imported = false;
        try
        {
            Directory.CreateDirectory(staging.Folder);
            var request = new IngestRequest(key.TenantId, Stream.Null, null, key.Area, new HashSet<MediaKind>(), maxBytes);
            var spooled = await SpoolAsync(request, body, stagingPath, Math.Min(maxBytes, options.Value.MaxFileBytes), cancellationToken);
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

    /// <summary>
    /// <see cref="SpoolAsync(IngestRequest, string, long, CancellationToken)"/> without the copy into buffers of our
    /// own: blocks of <see cref="BufferSize"/> are hashed and written straight from the pipe's segments
    /// (<see cref="OverlappedSegmentWriter"/>) while the pipe receives the next one. The block in flight stays
    /// unconsumed (but examined) until it is done: at most two blocks and a 64 KiB segment are held per upload. The
    /// pipe pauses receiving at its threshold of unconsumed bytes (Kestrel's <c>MaxRequestBufferSize</c>, resuming
    /// below half of it), which the host must set well above those two blocks, or the held block pauses the socket
    /// reads again and again (the server sets 4 MiB).
    /// </summary>
    private async Task<Spooled> SpoolAsync(IngestRequest request, PipeReader body, string path, long limit, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var header = new byte[sniffer.HeaderLength];
        var headerLength = 0;
        SniffResult? sniffed = null;
        var sniffDone = false;
        long total = 0;
        long inFlight = 0;
        using (var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await using var writer = new OverlappedSegmentWriter(file, hash);
            while (true)
            {
                // Returns short only at the end of the body; the block in flight is still at the start of the buffer.
                var result = await body.ReadAtLeastAsync((int)inFlight + BufferSize, cancellationToken);
                var buffer = result.Buffer;
                try
                {
                    var fresh = buffer.Slice(inFlight);
                    if (fresh.IsEmpty)
                    {
                        await writer.FlushAsync();
                        body.AdvanceTo(buffer.End);
                        break;
                    }

                    var block = fresh.Slice(0, Math.Min(BufferSize, fresh.Length));
                    total += block.Length;
                    if (headerLength < header.Length)
                    {
                        var take = (int)Math.Min(block.Length, header.Length - headerLength);
                        block.Slice(0, take).CopyTo(header.AsSpan(headerLength));
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
                        body.AdvanceTo(buffer.Start);
                        return new Spooled(total, "", sniffed, limit);
                    }

                    await writer.WriteAsync(block, cancellationToken);
                    body.AdvanceTo(block.Start, block.End);
                    inFlight = block.Length;
                }
                catch (Exception)
                {
                    body.AdvanceTo(buffer.Start);
                    throw;
                }
            }
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
}
