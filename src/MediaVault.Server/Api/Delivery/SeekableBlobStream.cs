using MediaVault.Core.Storage;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// A read-only, seekable view of a stored object for stores without local files (S3): each seek that moves the
/// position opens a ranged read from there, so the framework's Range handling serves exact slices.
/// </summary>
internal sealed class SeekableBlobStream(IBlobStore store, BlobKey key, long length) : Stream
{
    private Stream? _current;
    private long _currentPosition = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, length);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        if (_current is null || _currentPosition != _position)
        {
            if (_current is not null)
            {
                await _current.DisposeAsync();
            }

            _current = await store.OpenReadAsync(key, new BlobRange(_position, null), cancellationToken);
            _currentPosition = _position;
        }

        var read = await _current.ReadAsync(buffer, cancellationToken);
        _position += read;
        _currentPosition += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_current is not null)
        {
            await _current.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
