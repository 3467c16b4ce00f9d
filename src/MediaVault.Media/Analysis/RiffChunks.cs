using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace MediaVault.Media.Analysis;

/// <summary>
/// Checks the chunk structure of a WAV (RIFF/WAVE, little-endian) or AIFF (FORM/AIFF or AIFC, big-endian) file: a
/// valid format chunk (<c>fmt </c> / <c>COMM</c>) before the audio chunk (<c>data</c> / <c>SSND</c>), chunk sizes that
/// fit the file, and nothing after the audio chunk but its pad byte. Only chunk headers are read, never the audio.
/// </summary>
public static class RiffChunks
{
    private const int HeaderSize = 12;

    /// <summary>
    /// Real files have a handful of chunks; a hostile one of millions of empty chunks would otherwise cost a read each.
    /// </summary>
    public const int MaxChunks = 4096;
    private static readonly HashSet<ushort> WaveFormats = [1, 3, 0xFFFE];

    /// <summary>Null when the file is valid, else what is wrong (a sentence for people).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string? Validate(Stream file) => Inspect(file).Problem;

    /// <summary>What is wrong (null when valid) and, for WAV, the format code of the first <c>fmt </c> chunk.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RiffInspection Inspect(Stream file)
    {
        var header = new byte[HeaderSize];
        if (file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
        {
            return new RiffInspection("The file is shorter than a RIFF or FORM header.", null);
        }

        var id = Ascii(header.AsSpan(0, 4));
        var form = Ascii(header.AsSpan(8, 4));
        return (id, form) switch
        {
            ("RIFF", "WAVE") => new RiffInspection(
                Walk(file, bigEndian: false, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)), "fmt ", "data"), WaveFormatCode(file)),
            ("FORM", "AIFF" or "AIFC") => new RiffInspection(Walk(file, bigEndian: true, BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)), "COMM", "SSND"), null),
            _ => new RiffInspection($"The file starts with '{id}'/'{form}', not a RIFF WAVE or FORM AIFF header.", null),
        };
    }

    /// <summary>The format code of the first <c>fmt </c> chunk (1 PCM, 3 IEEE float, 0xFFFE extensible), or null.</summary>
    private static int? WaveFormatCode(Stream file)
    {
        var chunk = new byte[10];
        var position = (long)HeaderSize;
        for (var read = 0; read < MaxChunks && position + chunk.Length <= file.Length; read++)
        {
            file.Position = position;
            file.ReadExactly(chunk);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            if (Ascii(chunk.AsSpan(0, 4)) == "fmt ")
            {
                return size >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(chunk.AsSpan(8)) : null;
            }

            position += 8 + size + (size & 1);
        }

        return null;
    }

    private static string? Walk(Stream file, bool bigEndian, uint declaredSize, string formatId, string audioId)
    {
        var length = file.Length;
        if (declaredSize + 8L != length)
        {
            return Invariant($"The header declares {declaredSize + 8L} bytes but the file has {length}.");
        }

        var formatSeen = false;
        var chunk = new byte[8];
        var position = (long)HeaderSize;
        for (var read = 0; position + 8 <= length; read++)
        {
            if (read == MaxChunks)
            {
                return Invariant($"The file has more than {MaxChunks} chunks before its audio.");
            }

            file.Position = position;
            file.ReadExactly(chunk);
            var id = Ascii(chunk.AsSpan(0, 4));
            long size = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(chunk.AsSpan(4)) : BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(4));
            var end = position + 8 + size + (size & 1);
            if (position + 8 + size > length)
            {
                return Invariant($"The '{id}' chunk declares {size} bytes but only {length - position - 8} remain.");
            }

            if (id == formatId)
            {
                if (FormatProblem(file, id, size, bigEndian) is { } problem)
                {
                    return problem;
                }

                formatSeen = true;
            }
            else if (id == audioId)
            {
                if (!formatSeen)
                {
                    return $"The '{audioId}' chunk comes before the '{formatId}' chunk.";
                }

                // A missing pad byte at the very end is tolerated: the audio is all there.
                var after = length - Math.Min(end, length);
                return after == 0 ? null : Invariant($"{after} bytes follow the '{audioId}' chunk; nothing but audio may come after it.");
            }

            position = end;
        }

        return formatSeen ? $"There is no '{audioId}' chunk." : $"There is no '{formatId}' chunk.";
    }

    private static string? FormatProblem(Stream file, string id, long size, bool bigEndian)
    {
        if (bigEndian)
        {
            return size < 18 ? Invariant($"The '{id}' chunk is {size} bytes; it needs at least 18.") : null;
        }

        if (size < 16)
        {
            return Invariant($"The '{id}' chunk is {size} bytes; it needs at least 16.");
        }

        var fields = new byte[16];
        file.ReadExactly(fields);
        var format = BinaryPrimitives.ReadUInt16LittleEndian(fields);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fields.AsSpan(2));
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(fields.AsSpan(4));
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fields.AsSpan(14));
        if (!WaveFormats.Contains(format))
        {
            return Invariant($"The '{id}' chunk names format 0x{format:X4}, not PCM or IEEE float.");
        }

        return channels == 0 || rate == 0 || bits == 0 ? $"The '{id}' chunk has no channels, sample rate or bit depth." : null;
    }

    private static string Ascii(ReadOnlySpan<byte> bytes) => Encoding.ASCII.GetString(bytes);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
