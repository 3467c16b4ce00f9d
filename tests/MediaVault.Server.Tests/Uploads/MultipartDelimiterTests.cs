using System.Buffers;
using System.Text;
using MediaVault.Server.Api.Uploads;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>The delimiter search over received segments, with the delimiter cut at every position.</summary>
public sealed class MultipartDelimiterTests
{
    private static readonly MultipartDelimiter Delimiter = new("\r\n--b0undary"u8.ToArray());

    [Fact]
    public void A_delimiter_is_found_wherever_the_segments_are_cut()
    {
        var data = Encoding.ASCII.GetBytes("data\r\n--b0undar\r\n-\r\r\n--b0undary--\r\n");
        var expected = Encoding.ASCII.GetString(data).IndexOf("\r\n--b0undary", StringComparison.Ordinal);
        foreach (var cuts in Cuts(data.Length))
        {
            var length = Delimiter.DataLength(Segments(data, cuts), out var found);

            Assert.True(found, string.Join(",", cuts));
            Assert.Equal(expected, length);
        }
    }

    [Fact]
    public void A_possible_delimiter_at_the_end_is_held_back_until_more_arrives()
    {
        var data = Encoding.ASCII.GetBytes("abc\r\n--b0und");
        foreach (var cuts in Cuts(data.Length))
        {
            var length = Delimiter.DataLength(Segments(data, cuts), out var found);

            Assert.False(found);
            Assert.Equal(3, length);
        }
    }

    [Fact]
    public void Bytes_that_only_start_like_a_delimiter_are_data()
    {
        var data = Encoding.ASCII.GetBytes("\r\n--b0undarX\r\n--b0\r\r--b0undary\n--b0undary\r\nz");
        foreach (var cuts in Cuts(data.Length))
        {
            var length = Delimiter.DataLength(Segments(data, cuts), out var found);

            Assert.False(found);
            Assert.Equal(data.Length, length);
        }
    }

    [Fact]
    public void Empty_segments_between_the_pieces_of_a_delimiter_do_not_hide_it()
    {
        var sequence = Chain(["x\r\n-"u8.ToArray(), [], "-b0u"u8.ToArray(), [], [], "ndary"u8.ToArray()]);

        var length = Delimiter.DataLength(sequence, out var found);

        Assert.True(found);
        Assert.Equal(1, length);
    }

    /// <summary>No cut, every single cut, and every even split into pieces of 1 to 7 bytes.</summary>
    private static IEnumerable<int[]> Cuts(int length)
    {
        yield return [];
        for (var cut = 1; cut < length; cut++)
        {
            yield return [cut];
        }

        for (var piece = 1; piece <= 7; piece++)
        {
            yield return Enumerable.Range(1, (length - 1) / piece).Select(i => i * piece).ToArray();
        }
    }

    private static ReadOnlySequence<byte> Segments(byte[] data, int[] cuts)
    {
        var bounds = cuts.Prepend(0).Append(data.Length).ToArray();
        return Chain(bounds.Zip(bounds.Skip(1), (start, end) => data[start..end]).ToArray());
    }

    private static ReadOnlySequence<byte> Chain(byte[][] pieces)
    {
        var first = new Segment(pieces[0], 0);
        var last = first;
        foreach (var piece in pieces.Skip(1))
        {
            last = last.Append(piece);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
