using System.IO.Pipelines;
using System.Text;
using MediaVault.Server.Api.Uploads;
using Microsoft.AspNetCore.WebUtilities;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>
/// The pipe reader against the framework's <see cref="MultipartReader"/> (the reader it replaces) on the same bodies:
/// the same parts, bytes, and refusals, whatever the segments the body arrives in and whatever the size of the reads.
/// </summary>
public sealed class MultipartPipeReaderTests
{
    private const string Boundary = "b0undary";

    public static TheoryData<string> Bodies => [.. Cases.Keys];

    private static Dictionary<string, string> Cases => new()
    {
        ["two files and a field"] = Part("a.mp3", "ab\r\n--b0undar\r\n-\r\r\n--b0undarZ") + "\r\n" + Field("title", "x") + "\r\n" + Part("b.png", "\r\n") + "\r\n--b0undary--\r\n",
        ["empty file"] = Part("a.mp3", "") + "\r\n--b0undary--\r\n",
        ["only the closing boundary"] = "--b0undary--\r\n",
        ["whitespace after boundaries"] = "--b0undary  \t\r\n" + Head("a.mp3") + "x\r\n--b0undary-- \r\n",
        ["no CRLF after the closing boundary"] = Part("a.mp3", "x") + "\r\n--b0undary--",
        ["small epilogue"] = Part("a.mp3", "x") + "\r\n--b0undary--\r\nbye\r\n",
        ["epilogue over 16 KiB"] = Part("a.mp3", "x") + "\r\n--b0undary--\r\n" + new string('e', 17 * 1024),
        ["junk after a boundary"] = Part("a.mp3", "x") + "\r\n--b0undaryJUNK\r\n" + Head("b.mp3") + "y\r\n--b0undary--\r\n",
        ["17 headers"] = "--b0undary\r\n" + string.Concat(Enumerable.Range(0, 17).Select(i => $"X-{i}: {i}\r\n")) + "\r\nx\r\n--b0undary--\r\n",
        ["10 000 tiny headers of one name"] = "--b0undary\r\n" + string.Concat(Enumerable.Repeat("X:y\r\n", 10_000)) + "\r\nx\r\n--b0undary--\r\n",
        ["repeated content type"] = "--b0undary\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\ncontent-type: a/b\r\nContent-Type: c/d\r\n\r\nx\r\n--b0undary--\r\n",
        ["header line of 17 KiB"] = "--b0undary\r\nX: " + new string('a', 17 * 1024) + "\r\n\r\nx\r\n--b0undary--\r\n",
        ["headers just under 16 KiB"] = "--b0undary\r\nX: " + new string('a', (16 * 1024) - 4) + "\r\n\r\nx\r\n--b0undary--\r\n",
        ["header without a colon"] = "--b0undary\r\nnot a header\r\n\r\nx\r\n--b0undary--\r\n",
        ["header with a bare LF"] = "--b0undary\r\nX: a\nY: b\r\n\r\nx\r\n--b0undary--\r\n",
        ["missing closing boundary"] = Part("a.mp3", "xyz"),
        ["truncated closing boundary"] = Part("a.mp3", "xyz") + "\r\n--b0undary",
        ["body ends in the headers"] = "--b0undary\r\nContent-Disposition: form-da",
        ["body ends after the first boundary"] = "--b0undary",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Reads_every_body_as_the_framework_reader_does_in_any_segments(string name)
    {
        var body = Encoding.UTF8.GetBytes(Cases[name]);
        var expected = await FrameworkAsync(body);
        var segmentSizes = body.Length > 2000 ? new[] { 1, 7, 4096 } : [1, 2, 3, 5, 7, 11, 13, 64 * 1024];
        var arrivals = body.Length > 2000 ? new[] { 1000, body.Length } : [1, 5, 9, 17, body.Length];
        foreach (var segmentSize in segmentSizes)
        {
            foreach (var arrival in arrivals)
            {
                foreach (var readSize in new[] { 1, 3, 64 * 1024 })
                {
                    Assert.Equal(expected, await PipeAsync(body, segmentSize, Even(body.Length, arrival), readSize));
                }
            }
        }
    }

    [Fact]
    public async Task A_body_arriving_in_two_pieces_cut_at_every_position_reads_the_same()
    {
        var body = Encoding.UTF8.GetBytes(Cases["two files and a field"]);
        var expected = await FrameworkAsync(body);
        for (var cut = 1; cut < body.Length; cut++)
        {
            foreach (var segmentSize in new[] { 3, 64 * 1024 })
            {
                Assert.Equal(expected, await PipeAsync(body, segmentSize, [cut], 5));
            }
        }
    }

    [Fact]
    public async Task A_body_that_does_not_start_with_its_boundary_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("preamble\r\n" + Part("a.mp3", "x") + "\r\n--b0undary--\r\n");

        Assert.Equal(["InvalidDataException: it must start with its boundary \"--b0undary\""], await PipeAsync(body, 4096, [], 16));
    }

    [Fact]
    public async Task Over_100_bytes_after_a_boundary_refuse_the_body_once_the_part_before_is_read()
    {
        // The framework's reader throws this from the part's own read, so a caller saw it as a failed file, not a malformed body.
        var body = Encoding.UTF8.GetBytes(Part("a.mp3", "x") + "\r\n--b0undary" + new string(' ', 120) + "\r\n" + Head("b.mp3") + "y\r\n--b0undary--\r\n");

        var outcome = await PipeAsync(body, 5, Even(body.Length, 5), 3);

        Assert.Equal(2, outcome.Count);
        Assert.StartsWith("form-data; name=\"files\"; filename=\"a.mp3\"", outcome[0], StringComparison.Ordinal);
        Assert.Equal("InvalidDataException: Line length limit 100 exceeded.", outcome[1]);
    }

    [Fact]
    public async Task A_large_part_arrives_whole_in_reads_of_any_size()
    {
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(19).NextBytes(content);
        // Delimiter-like runs inside the content, one of them straddling the pipe's segment ends below.
        "\r\n--b0undarX"u8.CopyTo(content.AsSpan(65_530));
        "\r\n--b0und"u8.CopyTo(content.AsSpan(content.Length - 9));
        var body = Encoding.ASCII.GetBytes(Head("big.bin").Insert(0, "--b0undary\r\n")).Concat(content).Concat("\r\n--b0undary--\r\n"u8.ToArray()).ToArray();

        var parts = await PipeAsync(body, 65_536, Even(body.Length, 100_000), 256 * 1024);

        Assert.Equal(2, parts.Count);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)), parts[0].Split(' ')[^1]);
    }

    private static string Head(string fileName) => $"Content-Disposition: form-data; name=\"files\"; filename=\"{fileName}\"\r\nContent-Type: audio/mpeg\r\n\r\n";

    private static string Part(string fileName, string content) => "--b0undary\r\n" + Head(fileName) + content;

    private static string Field(string name, string value) => $"--b0undary\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}";

    private static int[] Even(int length, int piece) => Enumerable.Range(1, (length - 1) / piece).Select(i => i * piece).ToArray();

    /// <summary>Each part as "disposition | type | sha256" and the refusal, if any, as "Type: message".</summary>
    private static async Task<List<string>> FrameworkAsync(byte[] body)
    {
        var outcome = new List<string>();
        var reader = new MultipartReader(Boundary, new MemoryStream(body), 256 * 1024);
        try
        {
            while (await reader.ReadNextSectionAsync() is { } section)
            {
                outcome.Add(Describe(section.ContentDisposition, section.ContentType, await ReadAllAsync(section.Body, 64 * 1024)));
            }

            outcome.Add("end");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            outcome.Add($"{ex.GetType().Name}: {ex.Message}");
        }

        return outcome;
    }

    /// <summary>The body arrives in pieces ending at <paramref name="cuts"/>, the reader sees segments of <paramref name="segmentSize"/>.</summary>
    private static async Task<List<string>> PipeAsync(byte[] body, int segmentSize, int[] cuts, int readSize)
    {
        var pipe = new Pipe(new PipeOptions(pool: new SegmentMemoryPool(segmentSize), minimumSegmentSize: 1, pauseWriterThreshold: 0, useSynchronizationContext: false));
        var writing = WriteAsync(pipe.Writer, body, cuts);
        var outcome = new List<string>();
        var reader = new MultipartPipeReader(pipe.Reader, Boundary);
        try
        {
            while (await reader.ReadNextSectionAsync(CancellationToken.None) is { } section)
            {
                outcome.Add(Describe(section.ContentDisposition, section.ContentType, await ReadAllAsync(section.Body, readSize)));
            }

            outcome.Add("end");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            outcome.Add($"{ex.GetType().Name}: {ex.Message}");
        }

        await writing;
        return outcome;
    }

    private static async Task WriteAsync(PipeWriter writer, byte[] body, int[] cuts)
    {
        var bounds = cuts.Prepend(0).Append(body.Length).ToArray();
        for (var i = 0; i + 1 < bounds.Length; i++)
        {
            await writer.WriteAsync(body.AsMemory(bounds[i], bounds[i + 1] - bounds[i]));
            await Task.Yield();
        }

        await writer.CompleteAsync();
    }

    private static async Task<byte[]> ReadAllAsync(Stream part, int readSize)
    {
        using var all = new MemoryStream();
        var buffer = new byte[readSize];
        int read;
        while ((read = await part.ReadAsync(buffer)) > 0)
        {
            all.Write(buffer, 0, read);
        }

        return all.ToArray();
    }

    private static string Describe(string? disposition, string? type, byte[] content) =>
        $"{disposition} | {type} | {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content))}";
}
