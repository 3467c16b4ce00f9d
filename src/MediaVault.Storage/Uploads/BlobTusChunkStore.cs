using System.Security.Cryptography;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;

namespace MediaVault.Storage.Uploads;

/// <summary>
/// Upload bytes as one object per chunk in the blob store (<c>uploads/{tenant}/{upload}/part-{offset}</c>), so any
/// instance can take the next chunk or finish the upload. A chunk is visible only once completely stored.
/// </summary>
public sealed class BlobTusChunkStore(IBlobStore store, IStagingArea staging) : ITusChunkStore
{
    private const int BufferSize = 1024 * 1024;

    public Task CreateAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<TusAppendResult> AppendAsync(Guid tenantId, string uploadId, long offset, Stream body, long maxBytes, IncrementalHash? checksum, IncrementalHash? running, CancellationToken cancellationToken)
    {
        await TruncateAsync(tenantId, uploadId, offset, cancellationToken);
        var counting = new CountingStream(body, maxBytes, checksum, running);
        var key = BlobKey.UploadPart(tenantId, uploadId, offset);
        try
        {
            await store.UploadAsync(key, counting, cancellationToken);
        }
        catch (Exception ex) when (StorageFullException.IsCause(ex))
        {
            // The part was not stored (writes are atomic); the offset stays where it was.
            throw new StorageFullException("No space left for the chunk.", ex);
        }
        catch (Exception ex) when (ex is IOException or StorageException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The client went away mid-chunk: the part was not stored, the offset stays where it was.
            return new TusAppendResult(0, TooLong: false, Interrupted: true);
        }

        if (counting.TooLong)
        {
            await store.DeleteAsync(key, cancellationToken);
            return new TusAppendResult(0, TooLong: true, Interrupted: false);
        }

        if (counting.Count == 0)
        {
            await store.DeleteAsync(key, cancellationToken);
        }

        return new TusAppendResult(counting.Count, TooLong: false, Interrupted: false);
    }

    public async Task<int> ReadStartAsync(Guid tenantId, string uploadId, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        foreach (var part in (await PartsAsync(tenantId, uploadId, cancellationToken)).OrderBy(p => p.Key.UploadPartOffset))
        {
            if (filled == buffer.Length)
            {
                break;
            }

            await using var source = await store.OpenReadAsync(part.Key, null, cancellationToken);
            filled += await source.ReadAtLeastAsync(buffer[filled..], buffer.Length - filled, throwOnEndOfStream: false, cancellationToken);
        }

        return filled;
    }

    public async Task HashStoredAsync(Guid tenantId, string uploadId, long length, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        var left = length;
        foreach (var part in (await PartsAsync(tenantId, uploadId, cancellationToken)).OrderBy(p => p.Key.UploadPartOffset))
        {
            await using var source = await store.OpenReadAsync(part.Key, null, cancellationToken);
            int read;
            while (left > 0 && (read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, left)), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                left -= read;
            }
        }

        if (left > 0)
        {
            throw new IOException($"Upload {uploadId} has fewer than {length} bytes stored");
        }
    }

    /// <summary>Parts are stored whole or not at all, so an acknowledged offset never outlives its bytes.</summary>
    public Task<long?> SurvivingLengthAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    public async Task TruncateAsync(Guid tenantId, string uploadId, long length, CancellationToken cancellationToken)
    {
        foreach (var part in await PartsAsync(tenantId, uploadId, cancellationToken))
        {
            if (part.Key.UploadPartOffset >= length)
            {
                await store.DeleteAsync(part.Key, cancellationToken);
            }
        }
    }

    public async Task<string> MaterializeAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging.Folder);
        var path = Path.Combine(staging.Folder, $"tus-{uploadId}.bin");
        try
        {
            await using var target = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            foreach (var part in (await PartsAsync(tenantId, uploadId, cancellationToken)).OrderBy(p => p.Key.UploadPartOffset))
            {
                await using var source = await store.OpenReadAsync(part.Key, null, cancellationToken);
                await source.CopyToAsync(target, BufferSize, cancellationToken);
            }
        }
        catch (IOException ex) when (StorageFullException.IsCause(ex))
        {
            // The parts stay in the store; only the local assembly did not fit.
            File.Delete(path);
            throw new StorageFullException("No space left to assemble the upload.", ex);
        }

        return path;
    }

    public async Task DeleteAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken)
    {
        await store.DeleteMediaAsync(StorageArea.Uploads, tenantId, uploadId, cancellationToken);
        File.Delete(Path.Combine(staging.Folder, $"tus-{uploadId}.bin"));
    }

    private async Task<List<BlobInfo>> PartsAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken)
    {
        var parts = new List<BlobInfo>();
        await foreach (var blob in store.ListAsync(StorageArea.Uploads, cancellationToken))
        {
            if (blob.Key.TenantId == tenantId && blob.Key.MediaId == uploadId && blob.Key.UploadPartOffset is not null)
            {
                parts.Add(blob);
            }
        }

        return parts;
    }

    /// <summary>Passes the body through, counting and hashing it, and stops it once it runs past its limit.</summary>
    private sealed class CountingStream(Stream inner, long limit, IncrementalHash? checksum, IncrementalHash? running) : Stream
    {
        public long Count { get; private set; }

        public bool TooLong { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (TooLong)
            {
                return 0;
            }

            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (Count + read > limit)
            {
                // End the stream here; the caller sees TooLong and deletes what was stored.
                TooLong = true;
                return 0;
            }

            checksum?.AppendData(buffer.Span[..read]);
            running?.AppendData(buffer.Span[..read]);
            Count += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
