using System.Text;

namespace MediaVault.Core.Media;

/// <summary>Turns a client-supplied file name into a display name: last path segment, no control characters.</summary>
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
        foreach (var c in segment)
        {
            if (!char.IsControl(c) && c is not ('\u2028' or '\u2029'))
            {
                builder.Append(c);
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
}
