using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Kestrel's memory pool with 64 KiB blocks instead of the framework's 4 KiB. The socket transport receives into one
/// block per system call, so a 1 GiB upload took ~260 000 receives (half of them zero-byte readiness probes) and
/// the thread-pool hand-offs that go with them; with 64 KiB blocks it takes ~16 times fewer. Blocks are pinned
/// (sockets do I/O straight into them) and reused; at most <see cref="MaxRetainedBlocks"/> are kept when idle.
/// </summary>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;
    private const int MaxRetainedBlocks = 1024;
    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;

    public override int MaxBufferSize => BlockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockSize)
        {
            // Pipes never ask the pool for more than MaxBufferSize; anyone else gets a one-off array.
            return new Block(null, GC.AllocateUninitializedArray<byte>(minBufferSize, pinned: true));
        }

        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            block.Rented = true;
            return block;
        }

        return new Block(this, GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true));
    }

    protected override void Dispose(bool disposing)
    {
        _free.Clear();
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _freeCount) > MaxRetainedBlocks)
        {
            Interlocked.Decrement(ref _freeCount);
            return;
        }

        _free.Enqueue(block);
    }

    private sealed class Block(LargeBlockMemoryPool? pool, byte[] array) : IMemoryOwner<byte>
    {
        public bool Rented { get; set; } = true;

        public Memory<byte> Memory => array;

        public void Dispose()
        {
            if (!Rented)
            {
                return;
            }

            Rented = false;
            pool?.Return(this);
        }
    }
}
