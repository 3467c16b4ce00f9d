using System.Security.Cryptography;

namespace MediaVault.Core.Storage;

/// <summary>
/// Writes a stream of blocks to a file and to hashes in the background, one block behind the caller: while block
/// <c>n</c> is hashed (on one core) and written (on the other), the caller already receives block <c>n + 1</c> into its
/// other buffer. Receiving, hashing and writing each cost about the same per byte here (SHA-256 ~1.1 GB/s), so doing
/// them one after another left the socket undrained for a millisecond or more per MiB and the sender waiting on a
/// full window. Blocks are best kept small enough (256 KiB) that both buffers stay in the core's L2 cache. Blocks are processed strictly in order; a failure surfaces at the next <see cref="WriteAsync"/> or at
/// <see cref="FlushAsync"/>.
/// </summary>
/// <remarks>
/// The caller alternates two buffers: after <see cref="WriteAsync"/> returns, the block it passed before is finished
/// and its buffer may be filled again. Dispose (always, also on failure) waits for the block in flight.
/// </remarks>
public sealed class OverlappedBlockWriter(Stream file, IncrementalHash? hash, IncrementalHash? secondHash = null) : IAsyncDisposable
{
    private Task _pending = Task.CompletedTask;

    /// <summary>Bytes hashed and written so far (blocks completed, not the one in flight).</summary>
    public long Completed { get; private set; }

    /// <summary>Waits for the previous block, then starts hashing and writing <paramref name="block"/> and returns.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        await _pending;
        _pending = ProcessAsync(block, cancellationToken);
    }

    /// <summary>Waits for the block in flight and flushes the file.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _pending;
        await file.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _pending;
        }
        catch (Exception)
        {
            // Already reported to the caller (or the caller is failing for another reason); only the wait matters here.
        }
    }

    private async Task ProcessAsync(ReadOnlyMemory<byte> block, CancellationToken cancellationToken)
    {
        var hashing = hash is null && secondHash is null ? Task.CompletedTask : Task.Run(() => Hash(block), cancellationToken);
        try
        {
            await file.WriteAsync(block, cancellationToken);
        }
        finally
        {
            await hashing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await hashing;
        Completed += block.Length;
    }

    private void Hash(ReadOnlyMemory<byte> block)
    {
        hash?.AppendData(block.Span);
        secondHash?.AppendData(block.Span);
    }
}
