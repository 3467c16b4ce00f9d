using System.Buffers;

namespace MediaVault.Server.Api.Uploads;

/// <summary>
/// Finds a multipart delimiter (<c>\r\n--boundary</c>) in received bytes that arrive as a chain of segments: each segment
/// is searched with the vectorized <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/>, and only
/// a match that starts in a segment's last <c>length - 1</c> bytes is compared across the segment end.
/// </summary>
public sealed class MultipartDelimiter(byte[] delimiter)
{
    private readonly byte[] _delimiter = delimiter;

    public int Length => _delimiter.Length;

    /// <summary>
    /// How many leading bytes of <paramref name="buffer"/> are certainly data: up to the first delimiter
    /// (<paramref name="found"/> true), or up to where a possible delimiter starts that the buffer ends too soon to
    /// decide, or the whole buffer.
    /// </summary>
    public long DataLength(in ReadOnlySequence<byte> buffer, out bool found)
    {
        found = false;
        long offset = 0;
        var position = buffer.Start;
        ReadOnlySpan<byte> delimiter = _delimiter;
        while (buffer.TryGet(ref position, out var segment))
        {
            var span = segment.Span;
            var index = IndexOf(span);
            if (index >= 0)
            {
                found = true;
                return offset + index;
            }

            // A match inside this segment would have been found above, so one that starts here ends in a later segment.
            for (var start = Math.Max(0, span.Length - delimiter.Length + 1); start < span.Length; start++)
            {
                var next = span[start..].IndexOf(delimiter[0]);
                if (next < 0)
                {
                    break;
                }

                start += next;
                var head = span[start..];
                if (!delimiter.StartsWith(head))
                {
                    continue;
                }

                var rest = Continues(buffer.Slice(offset + span.Length), delimiter[head.Length..]);
                if (rest != Continuation.Differs)
                {
                    found = rest == Continuation.Matches;
                    return offset + start;
                }
            }

            offset += span.Length;
        }

        return offset;
    }

    /// <summary>Where the first delimiter that lies wholly in <paramref name="span"/> starts, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> span) => span.IndexOf(_delimiter);

    private enum Continuation
    {
        Matches,
        Differs,
        TooShort,
    }

    private static Continuation Continues(in ReadOnlySequence<byte> following, ReadOnlySpan<byte> expected)
    {
        foreach (var segment in following)
        {
            var span = segment.Span;
            var compare = Math.Min(span.Length, expected.Length);
            if (!span[..compare].SequenceEqual(expected[..compare]))
            {
                return Continuation.Differs;
            }

            expected = expected[compare..];
            if (expected.IsEmpty)
            {
                return Continuation.Matches;
            }
        }

        return Continuation.TooShort;
    }
}
