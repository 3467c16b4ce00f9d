using System.Buffers;
using System.Security.Cryptography;
using MediaVault.Core.Storage;
using MediaVault.Core.Uploads;

namespace MediaVault.Storage.FileSystem;

/// <summary>
/// The bytes of unfinished uploads beside the filesystem store: one file per upload in the <see cref="FolderName"/>
/// folder of its staging area (same filesystem, so the finished file is renamed into place; the staging sweep keeps it). Chunks are written
/// through the page cache without a sync, as @tus/server and nginx do: a process crash loses nothing, and after a power
/// cut the upload's offset falls back to the file's length (<see cref="SurvivingLengthAsync"/>), so an acknowledged
/// offset never names bytes that are gone (on file systems that commit a length after its data, as ext4 does by default).
/// </summary>
public sealed class FileSystemTusChunkStore(IStagingArea staging) : ITusChunkStore
{
    public const string FolderName = "tus";
    /// <summary>Two buffers of this size fit the per-core L2 cache, as the spool's (<c>MediaIngestor.BufferSize</c>).</summary>
    private const int BufferSize = 256 * 1024;

    public string PathOf(string uploadId) => Path.Combine(staging.Folder, FolderName, uploadId + ".bin");

    public Task CreateAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(Path.Combine(staging.Folder, FolderName));
            using var _ = new FileStream(PathOf(uploadId), FileMode.CreateNew, FileAccess.Write);
        }
        catch (IOException ex) when (StorageFullException.IsCause(ex))
        {
            throw new StorageFullException("No space left to create an upload.", ex);
        }

        return Task.CompletedTask;
    }

    public Task<TusAppendResult> AppendAsync(Guid tenantId, string uploadId, long offset, Stream body, long maxBytes, IncrementalHash? checksum, IncrementalHash? running, CancellationToken cancellationToken) =>
        AppendAsync(uploadId, offset, body, maxBytes, checksum, running, cancellationToken);

    public async Task<int> ReadStartAsync(Guid tenantId, string uploadId, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PathOf(uploadId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous);
        return await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
    }

    public async Task HashStoredAsync(Guid tenantId, string uploadId, long length, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(PathOf(uploadId), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var left = length;
            while (left > 0)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(BufferSize, left)), cancellationToken);
                if (read == 0)
                {
                    throw new IOException($"Upload {uploadId} has fewer than {length} bytes stored");
                }

                hash.AppendData(buffer, 0, read);
                left -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public Task<long?> SurvivingLengthAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken)
    {
        var file = new FileInfo(PathOf(uploadId));
        return Task.FromResult<long?>(file.Exists ? file.Length : 0);
    }

    public Task TruncateAsync(Guid tenantId, string uploadId, long length, CancellationToken cancellationToken)
    {
        Truncate(uploadId, length);
        return Task.CompletedTask;
    }

    public Task<string> MaterializeAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken) => Task.FromResult(PathOf(uploadId));

    public Task DeleteAsync(Guid tenantId, string uploadId, CancellationToken cancellationToken)
    {
        Delete(uploadId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Appends the body at <paramref name="offset"/> (first cutting anything past it: bytes of a chunk that was never
    /// acknowledged), up to <paramref name="maxBytes"/>. A body that breaks off (the client went away) keeps what
    /// arrived, so the client can resume from there, as tus asks. A full disk cuts the chunk away again.
    /// </summary>
    private async Task<TusAppendResult> AppendAsync(string uploadId, long offset, Stream body, long maxBytes, IncrementalHash? checksum, IncrementalHash? running, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PathOf(uploadId), FileMode.Open, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
        file.SetLength(offset);
        file.Position = offset;
        byte[][] buffers = [ArrayPool<byte>.Shared.Rent(BufferSize), ArrayPool<byte>.Shared.Rent(BufferSize)];
        long received = 0;
        var interrupted = false;
        try
        {
            // One buffer is received into while the other is hashed and written.
            await using (var writer = new OverlappedBlockWriter(file, running, checksum))
            {
                var next = 0;
                while (true)
                {
                    int read;
                    try
                    {
                        read = await body.ReadAtLeastAsync(buffers[next].AsMemory(0, BufferSize), BufferSize, throwOnEndOfStream: false, cancellationToken);
                    }
                    catch (Exception ex) when (ex is IOException or OperationCanceledException)
                    {
                        interrupted = true;
                        break;
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    if (received + read > maxBytes)
                    {
                        await writer.FlushAsync(CancellationToken.None);
                        file.SetLength(offset);
                        return new TusAppendResult(0, TooLong: true, Interrupted: false);
                    }

                    await writer.WriteAsync(buffers[next].AsMemory(0, read), CancellationToken.None);
                    received += read;
                    next = 1 - next;
                }

                // No fsync: see the class summary for how the acknowledged offset survives a power cut.
                await writer.FlushAsync(CancellationToken.None);
            }

            return new TusAppendResult(received, TooLong: false, interrupted);
        }
        catch (IOException ex) when (StorageFullException.IsCause(ex))
        {
            // Shrinking needs no space: the acknowledged bytes stay, the chunk that did not fit goes.
            file.SetLength(offset);
            throw new StorageFullException("No space left for the chunk.", ex);
        }
        finally
        {
            // The writer (disposed above) no longer touches either buffer.
            ArrayPool<byte>.Shared.Return(buffers[0]);
            ArrayPool<byte>.Shared.Return(buffers[1]);
        }
    }

    private void Truncate(string uploadId, long length)
    {
        using var file = new FileStream(PathOf(uploadId), FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    private void Delete(string uploadId) => File.Delete(PathOf(uploadId));
}
