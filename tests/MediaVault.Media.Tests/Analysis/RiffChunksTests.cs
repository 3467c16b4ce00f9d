using System.Buffers.Binary;
using System.Text;
using MediaVault.Media.Analysis;

namespace MediaVault.Media.Tests.Analysis;

public sealed class RiffChunksTests
{
    [Fact]
    public void A_wav_with_fmt_then_data_is_valid()
    {
        Assert.Null(RiffChunks.Validate(new MemoryStream(Wave(Chunk("fmt ", Fmt()), Chunk("data", new byte[400])))));
    }

    [Fact]
    public void The_format_code_of_a_wav_is_read()
    {
        var fmt = Fmt();
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 0xFFFE);

        Assert.Equal(new RiffInspection(null, 0xFFFE), RiffChunks.Inspect(new MemoryStream(Wave(Chunk("LIST", new byte[6]), Chunk("fmt ", fmt), Chunk("data", new byte[4])))));
    }

    [Fact]
    public void A_chunk_after_data_is_reported()
    {
        var problem = RiffChunks.Validate(new MemoryStream(Wave(Chunk("fmt ", Fmt()), Chunk("data", new byte[400]), Chunk("LIST", new byte[20]))));

        Assert.Equal("28 bytes follow the 'data' chunk; nothing but audio may come after it.", problem);
    }

    [Fact]
    public void A_wav_of_a_million_empty_chunks_is_refused_after_a_bounded_number_of_reads()
    {
        var empty = Chunk("junk", []);
        var chunks = Enumerable.Repeat(empty, 1_000_000).Append(Chunk("fmt ", Fmt())).Append(Chunk("data", new byte[4])).ToArray();

        var inspection = RiffChunks.Inspect(new MemoryStream(Wave(chunks)));

        Assert.Equal($"The file has more than {RiffChunks.MaxChunks} chunks before its audio.", inspection.Problem);
        Assert.Null(inspection.WaveFormat);
    }

    [Fact]
    public void Data_before_fmt_is_reported()
    {
        Assert.Equal("The 'data' chunk comes before the 'fmt ' chunk.", RiffChunks.Validate(new MemoryStream(Wave(Chunk("data", new byte[4]), Chunk("fmt ", Fmt())))));
    }

    [Fact]
    public void A_truncated_data_chunk_is_reported()
    {
        var bytes = Wave(Chunk("fmt ", Fmt()), Chunk("data", new byte[400]));
        var truncated = bytes[..^100];
        BinaryPrimitives.WriteUInt32LittleEndian(truncated.AsSpan(4), (uint)(truncated.Length - 8));

        Assert.Equal("The 'data' chunk declares 400 bytes but only 300 remain.", RiffChunks.Validate(new MemoryStream(truncated)));
    }

    [Fact]
    public void A_riff_size_that_does_not_match_the_file_is_reported()
    {
        var bytes = Wave(Chunk("fmt ", Fmt()), Chunk("data", new byte[4]));
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 9999);

        Assert.StartsWith("The header declares 10007 bytes", RiffChunks.Validate(new MemoryStream(bytes)));
    }

    [Fact]
    public void A_compressed_format_code_is_reported()
    {
        var fmt = Fmt();
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 0x55);

        Assert.Contains("0x0055", RiffChunks.Validate(new MemoryStream(Wave(Chunk("fmt ", fmt), Chunk("data", new byte[4])))));
    }

    private static byte[] Fmt()
    {
        var fmt = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, 1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), 44100);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), 44100 * 4);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), 4);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), 16);
        return fmt;
    }

    private static byte[] Chunk(string id, byte[] body)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    private static byte[] Wave(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var file = new byte[12 + body.Length];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(file, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        Encoding.ASCII.GetBytes("WAVE").CopyTo(file, 8);
        body.CopyTo(file, 12);
        return file;
    }
}
