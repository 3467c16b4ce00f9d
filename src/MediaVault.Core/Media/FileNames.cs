using System.Globalization;
using System.Text;

namespace MediaVault.Core.Media;

/// <summary>
/// Turns a client-supplied file name into a display name: last path segment, no control characters and no invisible
/// format characters (bidirectional overrides and isolates, marks, zero-width spaces, tag characters), which would let
/// a name such as <c>invoice‮fdp.exe</c> display as <c>invoiceexe.pdf</c>.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;
    public const string Fallback = "file";

    public static string Sanitize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return Fallback;
        }

        var lastSeparator = raw.LastIndexOfAny(['/', '\\']);
        var segment = lastSeparator >= 0 ? raw[(lastSeparator + 1)..] : raw;

        var builder = new StringBuilder(segment.Length);
        foreach (var rune in segment.EnumerateRunes())
        {
            if (IsKept(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        var name = builder.ToString().Trim();
        if (name is "" or "." or "..")
        {
            return Fallback;
        }

        if (name.Length <= MaxLength)
        {
            return name;
        }

        // Never cut a surrogate pair (an emoji, say) in half.
        var cut = char.IsHighSurrogate(name[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return name[..cut];
    }

    /// <summary>
    /// Controls, line and paragraph separators and format characters (Unicode category Cf) are dropped. Zero-width
    /// joiner and non-joiner stay: they are part of emoji sequences and of Persian and Indic spellings, and move nothing.
    /// </summary>
    private static bool IsKept(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        UnicodeCategory.Format => rune.Value is 0x200C or 0x200D,
        _ => true,
    };
}
