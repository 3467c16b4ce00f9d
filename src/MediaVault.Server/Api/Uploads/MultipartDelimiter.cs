using System.Buffers;

namespace MediaVault.Server.Api.Uploads;

/// <summary>
/// Finds a multipart delimiter (<c>\r\n--boundary</c>) in received bytes that arrive as a chain of segments. Within a
/// segment it looks only at every <c>(length - 1)</c>th pair of adjacent bytes: a delimiter there must contain that
/// pair, so a pair that occurs nowhere in the delimiter (a bitmap of the 65 536 pairs) rules out every delimiter that
/// could cover it, and only around a pair that does occur is the delimiter searched for. For the 40-odd byte
/// boundaries that clients send this reads about one byte pair in 40 instead of every byte. A match that starts in a
/// segment's last <c>length - 1</c> bytes is compared across the segment end.
/// </summary>
public sealed class MultipartDelimiter
{
    /// <summary>Below this length the stride gains little over the framework's vectorized search, which is used instead.</summary>
    private const int SparseSearchMinimum = 16;

    private readonly byte[] _delimiter;
    private readonly ulong[] _pairs = new ulong[65_536 / 64];

    public MultipartDelimiter(byte[] delimiter)
    {
        _delimiter = delimiter;
        for (var i = 0; i + 1 < delimiter.Length; i++)
        {
            var pair = delimiter[i] | (delimiter[i + 1] << 8);
            _pairs[pair >> 6] |= 1UL << (pair & 63);
        }
    }

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

    /// <summary>The same answer as <c>span.IndexOf(delimiter)</c>.</summary>
    public int IndexOf(ReadOnlySpan<byte> span)
    {
        var length = _delimiter.Length;
        if (length < SparseSearchMinimum || span.Length < 4 * length)
        {
            return span.IndexOf(_delimiter);
        }

        // A delimiter starting at i covers the pairs starting at i .. i + length - 2: exactly one of them is sampled.
        var stride = length - 1;
        for (var at = length - 2; at < span.Length - 1; at += stride)
        {
            var pair = span[at] | (span[at + 1] << 8);
            if ((_pairs[pair >> 6] & (1UL << (pair & 63))) == 0)
            {
                continue;
            }

            // Delimiters covering this pair start in at - length + 2 .. at; an earlier one would have been found at an earlier sample.
            var from = Math.Max(0, at - length + 2);
            var found = span[from..Math.Min(span.Length, at + length)].IndexOf(_delimiter);
            if (found >= 0)
            {
                return from + found;
            }
        }

        return -1;
    }

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
