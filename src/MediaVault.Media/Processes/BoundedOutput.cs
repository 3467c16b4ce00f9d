using System.Text;
using MediaVault.Core.Processing;

namespace MediaVault.Media.Processes;

/// <summary>
/// Reads a tool's text output without letting the file it reads decide how much memory the server spends on it:
/// stdout is captured up to a limit (past it the file is refused), stderr only as a bounded tail.
/// </summary>
internal static class BoundedOutput
{
    /// <summary>The most stdout text a tool may print for the server to keep (ffprobe's JSON of a real file is kilobytes).</summary>
    public const int MaxStandardOutputChars = 16 * 1024 * 1024;

    private const int ChunkChars = 8192;

    /// <summary>All of <paramref name="stdout"/> as text, at most <paramref name="maxChars"/> characters.</summary>
    /// <exception cref="MediaUnreadableException">The tool printed more; its output is not read further.</exception>
    public static async Task<string> ReadAllAsync(Stream stdout, string tool, int maxChars, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stdout, Encoding.UTF8);
        var text = new StringBuilder();
        var buffer = new char[ChunkChars];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (text.Length + read > maxChars)
            {
                throw new MediaUnreadableException(
                    MediaFailureCode.UnreadableMedia, $"'{tool}' printed more than {maxChars} characters about this file; its output was not kept.");
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>The last <paramref name="keepChars"/> characters of <paramref name="reader"/>, read to its end in one fixed buffer.</summary>
    public static async Task<string> ReadTailAsync(TextReader reader, int keepChars, CancellationToken cancellationToken)
    {
        var window = new char[keepChars + ChunkChars];
        var length = 0;
        int read;
        while ((read = await reader.ReadAsync(window.AsMemory(length, Math.Min(ChunkChars, window.Length - length)), cancellationToken)) > 0)
        {
            length += read;
            if (length == window.Length)
            {
                Array.Copy(window, length - keepChars, window, 0, keepChars);
                length = keepChars;
            }
        }

        return length <= keepChars ? new string(window, 0, length) : new string(window, length - keepChars, keepChars);
    }
}
