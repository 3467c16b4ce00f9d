using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace MediaVault.Core.Storage;

/// <summary>
/// <see cref="OverlappedBlockWriter"/> for blocks that stay in someone else's memory (the segments of a request
/// body's pipe): each block is hashed and written where it lies, its segments gathered into one write, in the
/// background and one block behind the caller. Nothing is copied into a buffer of our own.
/// </summary>
/// <remarks>
/// The caller must keep a block's memory alive (not consume it from its pipe) until the next <see cref="WriteAsync"/>
/// or <see cref="FlushAsync"/> has returned. Dispose (always, also on failure) waits for the block in flight.
/// </remarks>
public sealed class OverlappedSegmentWriter(SafeFileHandle file, IncrementalHash hash) : IAsyncDisposable
{
    private readonly List<ReadOnlyMemory<byte>> _segments = [];
    private Task _pending = Task.CompletedTask;
    private long _offset;

    /// <summary>Waits for the previous block (its memory may be released after this returns), then starts <paramref name="block"/>.</summary>
    public async ValueTask WriteAsync(ReadOnlySequence<byte> block, CancellationToken cancellationToken)
    {
        await _pending;
        _segments.Clear();
        foreach (var segment in block)
        {
            _segments.Add(segment);
        }

        _pending = ProcessAsync(block, _offset, cancellationToken);
        _offset += block.Length;
    }

    /// <summary>Waits for the block in flight; the file has then been written up to the last block passed.</summary>
    public async Task FlushAsync() => await _pending;

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

    private async Task ProcessAsync(ReadOnlySequence<byte> block, long offset, CancellationToken cancellationToken)
    {
        var hashing = Task.Run(() => Hash(block), cancellationToken);
        try
        {
            await RandomAccess.WriteAsync(file, _segments, offset, cancellationToken);
        }
        finally
        {
            await hashing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await hashing;
    }

    private void Hash(ReadOnlySequence<byte> block)
    {
        foreach (var segment in block)
        {
            hash.AppendData(segment.Span);
        }
    }
}
