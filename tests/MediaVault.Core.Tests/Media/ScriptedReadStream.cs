namespace MediaVault.Core.Tests.Media;

/// <summary>
/// Serves <paramref name="content"/> at most <paramref name="chunkSize"/> bytes per read and calls
/// <paramref name="beforeRead"/> with the number of bytes served so far, so a test can fail or cancel mid-stream.
/// </summary>
internal sealed class ScriptedReadStream(byte[] content, int chunkSize, Action<long>? beforeRead = null) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        beforeRead?.Invoke(_position);
        var take = (int)Math.Min(Math.Min(buffer.Length, chunkSize), content.Length - _position);
        content.AsSpan((int)_position, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
