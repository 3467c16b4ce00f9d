using System.Buffers;
using System.IO.Pipelines;

namespace MediaVault.Server.Api.Uploads;

/// <summary>
/// The body of one multipart part, read straight from the request pipe: each read copies the bytes before the next
/// delimiter from the pipe's segments into the caller's buffer (the only copy), and ends at the delimiter, which it
/// leaves in the pipe for <see cref="MultipartPipeReader"/>.
/// </summary>
public sealed class MultipartPartStream(PipeReader pipe, MultipartDelimiter delimiter) : Stream
{
    /// <summary>The message of <see cref="Microsoft.AspNetCore.WebUtilities.MultipartReader"/> for a body that ends inside a part.</summary>
    public const string UnexpectedEnd = "Unexpected end of Stream, the content may have already been read by another component. ";

    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_ended || buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken);
            var received = result.Buffer;
            // Search no further than this read can return, plus what a delimiter starting inside it needs.
            var window = received.Length > buffer.Length + delimiter.Length - 1 ? received.Slice(0, buffer.Length + delimiter.Length - 1) : received;
            var data = delimiter.DataLength(window, out var found);
            if (data > 0)
            {
                var length = (int)Math.Min(data, buffer.Length);
                var taken = received.Slice(0, length);
                taken.CopyTo(buffer.Span);
                // After AdvanceTo the pipe may recycle the segments, so nothing of the sequence is read past this point.
                pipe.AdvanceTo(taken.End);
                return length;
            }

            if (End(received, found, result.IsCompleted))
            {
                return 0;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads past the rest of the part without copying it.</summary>
    public async Task SkipAsync(CancellationToken cancellationToken)
    {
        while (!_ended)
        {
            var result = await pipe.ReadAsync(cancellationToken);
            var received = result.Buffer;
            var data = delimiter.DataLength(received, out var found);
            if (data > 0)
            {
                pipe.AdvanceTo(received.GetPosition(data));
                continue;
            }

            End(received, found, result.IsCompleted);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("A part is read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>At the delimiter (the part ends) or waiting for more bytes; a body that ends first is malformed.</summary>
    private bool End(in ReadOnlySequence<byte> received, bool found, bool completed)
    {
        if (found)
        {
            pipe.AdvanceTo(received.Start);
            _ended = true;
            return true;
        }

        if (completed)
        {
            pipe.AdvanceTo(received.Start);
            throw new IOException(UnexpectedEnd);
        }

        pipe.AdvanceTo(received.Start, received.End);
        return false;
    }
}
