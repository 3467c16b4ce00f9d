using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace MediaVault.Server.Hosting;

/// <summary>Hands Kestrel a <see cref="LargeBlockMemoryPool"/> (registered in place of the framework's factory).</summary>
public sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
