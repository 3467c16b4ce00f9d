using System.Buffers;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>
/// Rents blocks of <paramref name="segmentSize"/> bytes, so a <see cref="System.IO.Pipelines.Pipe"/> over it (with a
/// minimum segment size of 1) hands its reader segments of exactly that size.
/// </summary>
internal sealed class SegmentMemoryPool(int segmentSize) : MemoryPool<byte>
{
    public override int MaxBufferSize => int.MaxValue;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1) => new Block(new byte[Math.Max(segmentSize, minBufferSize)]);

    protected override void Dispose(bool disposing)
    {
    }

    private sealed class Block(byte[] array) : IMemoryOwner<byte>
    {
        public Memory<byte> Memory => array;

        public void Dispose()
        {
        }
    }
}
