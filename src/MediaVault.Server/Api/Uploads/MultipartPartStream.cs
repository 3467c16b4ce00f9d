using System.Buffers;
using System.IO.Pipelines;

namespace MediaVault.Server.Api.Uploads;

/// <summary>
/// The body of one multipart part, read straight from the request pipe: each read copies from the pipe's segments into
/// the caller's buffer (the only copy), searches the copy for the delimiter and returns (and consumes) only the bytes
/// before it; the part ends at the delimiter, which stays in the pipe for <see cref="MultipartPipeReader"/>.
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
            // Copy first, then search the copy: the copy is the first to touch the freshly received bytes (streamed in
            // by memmove), and the search then runs over bytes already in this core's cache.
            var copied = (int)Math.Min(received.Length, buffer.Length);
            received.Slice(0, copied).CopyTo(buffer.Span);
            var data = DataInCopy(received, buffer.Span[..copied], out var found);
            if (data > 0)
            {
                // The bytes copied past the delimiter stay in the pipe for the next read; the caller ignores them here.
                pipe.AdvanceTo(received.GetPosition(data));
                return data;
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

    /// <summary>
    /// How many of the <paramref name="copy"/>'s bytes are part data: up to a delimiter in it, or up to one that starts
    /// in its last <c>length - 1</c> bytes and goes on in (or may go on past) the rest of <paramref name="received"/>.
    /// </summary>
    private int DataInCopy(in ReadOnlySequence<byte> received, ReadOnlySpan<byte> copy, out bool found)
    {
        var index = delimiter.IndexOf(copy);
        if (index >= 0)
        {
            found = true;
            return index;
        }

        var tail = Math.Max(0, copy.Length - delimiter.Length + 1);
        var around = received.Slice(tail, Math.Min(received.Length - tail, 2 * (delimiter.Length - 1)));
        var data = tail + delimiter.DataLength(around, out found);
        found &= data < copy.Length;
        return (int)Math.Min(data, copy.Length);
    }

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
