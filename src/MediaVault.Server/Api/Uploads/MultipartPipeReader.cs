using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace MediaVault.Server.Api.Uploads;

/// <summary>
/// Reads a <c>multipart/form-data</c> body part by part from the request pipe, with the limits and messages of
/// <see cref="Microsoft.AspNetCore.WebUtilities.MultipartReader"/> (16 headers and 16 KiB of headers per part, 100 bytes
/// after a boundary, 16 KiB after the closing one), but without a buffer of its own: a part's bytes go from the pipe's
/// segments straight into the reader of <see cref="MultipartPipeSection.Body"/>. Unlike that reader it refuses a
/// preamble: the body must start with <c>--boundary</c>. Malformed input throws <see cref="InvalidDataException"/>, a
/// body that ends too soon <see cref="IOException"/>.
/// </summary>
public sealed class MultipartPipeReader(PipeReader pipe, string boundary)
{
    public const int HeadersCountLimit = 16;
    public const int HeadersLengthLimit = 16 * 1024;
    private const int BoundaryLineLimit = 100;
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly byte[] _delimiter = Encoding.ASCII.GetBytes("\r\n--" + boundary);
    private MultipartDelimiter? _search;
    private MultipartPartStream? _current;
    private bool _finished;

    /// <summary>The next part, after skipping what the caller left unread of the one before; null after the closing boundary.</summary>
    public async Task<MultipartPipeSection?> ReadNextSectionAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return null;
        }

        if (_current is null)
        {
            await ExpectAsync(_delimiter.AsMemory(2), $"it must start with its boundary \"--{boundary}\"", cancellationToken);
        }
        else
        {
            await _current.SkipAsync(cancellationToken);
            await ExpectAsync(_delimiter, MultipartPartStream.UnexpectedEnd, cancellationToken);
        }

        // "The boundary may be followed by zero or more characters of linear whitespace", then CRLF, or "--" when it closes the body.
        if ((await ReadLineAsync(BoundaryLineLimit, cancellationToken)).Trim() == "--")
        {
            _finished = true;
            await DrainTrailerAsync(cancellationToken);
            return null;
        }

        var headers = await ReadHeadersAsync(cancellationToken);
        _current = new MultipartPartStream(pipe, _search ??= new MultipartDelimiter(_delimiter));
        return new MultipartPipeSection(headers.Value("Content-Disposition"), headers.Value("Content-Type"), _current);
    }

    private async Task<PartHeaders> ReadHeadersAsync(CancellationToken cancellationToken)
    {
        var headers = new PartHeaders();
        var totalSize = 0;
        var line = await ReadLineAsync(HeadersLengthLimit - totalSize, cancellationToken);
        while (line.Length > 0)
        {
            if (HeadersLengthLimit - totalSize < line.Length)
            {
                throw new InvalidDataException($"Multipart headers length limit {HeadersLengthLimit} exceeded.");
            }

            totalSize += line.Length;
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"Invalid header line: {line}");
            }

            if (headers.Add(line[..colon], line[(colon + 1)..].Trim()) > HeadersCountLimit)
            {
                throw new InvalidDataException($"Multipart headers count limit {HeadersCountLimit} exceeded.");
            }

            line = await ReadLineAsync(HeadersLengthLimit - totalSize, cancellationToken);
        }

        return headers;
    }

    /// <summary>Consumes <paramref name="expected"/>, which must come next.</summary>
    private async Task ExpectAsync(ReadOnlyMemory<byte> expected, string otherwise, CancellationToken cancellationToken)
    {
        var result = await pipe.ReadAtLeastAsync(expected.Length, cancellationToken);
        var received = result.Buffer;
        if (received.Length < expected.Length || !StartsWith(received, expected.Span))
        {
            pipe.AdvanceTo(received.Start);
            throw new InvalidDataException(otherwise);
        }

        pipe.AdvanceTo(received.GetPosition(expected.Length));
    }

    private static bool StartsWith(in ReadOnlySequence<byte> received, ReadOnlySpan<byte> expected)
    {
        var head = received.Slice(0, expected.Length);
        return head.IsSingleSegment ? head.FirstSpan.SequenceEqual(expected) : head.ToArray().AsSpan().SequenceEqual(expected);
    }

    /// <summary>
    /// A line up to CRLF (not included), or the rest of the body if it ends first; more than <paramref name="limit"/>
    /// bytes before the LF is <see cref="InvalidDataException"/>, as in the framework's reader.
    /// </summary>
    private async Task<string> ReadLineAsync(int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken);
            var received = result.Buffer;
            if (TakeLine(received, limit, result.IsCompleted) is { } taken)
            {
                pipe.AdvanceTo(taken.Consumed);
                return taken.Line;
            }

            pipe.AdvanceTo(received.Start, received.End);
        }
    }

    private static (string Line, SequencePosition Consumed)? TakeLine(in ReadOnlySequence<byte> received, int limit, bool completed)
    {
        // A line end further in than this is past the limit, so nothing beyond it needs searching.
        var window = received.Length > limit + 1L ? received.Slice(0, limit + 1L) : received;
        var reader = new SequenceReader<byte>(window);
        if (reader.TryReadTo(out ReadOnlySequence<byte> line, LineEnd))
        {
            return (Encoding.UTF8.GetString(line), reader.Position);
        }

        if (window.Length > limit)
        {
            throw new InvalidDataException($"Line length limit {limit} exceeded.");
        }

        return completed ? (Encoding.UTF8.GetString(received), received.End) : null;
    }

    /// <summary>Reads what follows the closing boundary (an epilogue, ignored) up to the framework reader's 16 KiB.</summary>
    private async Task DrainTrailerAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var result = await pipe.ReadAsync(cancellationToken);
            total += result.Buffer.Length;
            pipe.AdvanceTo(result.Buffer.End);
            if (total > HeadersLengthLimit)
            {
                throw new InvalidDataException($"The stream exceeded the data limit {HeadersLengthLimit}.");
            }

            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
