using System.Buffers.Text;
using System.Text;

namespace MediaVault.Server.Api.Library;

/// <summary>
/// An opaque keyset position in the library list: the sort it was issued for, the last item's sort key (as invariant
/// text) and its id. A cursor only continues the sort it came from.
/// </summary>
public sealed record LibraryCursor(string Sort, string Key, string Id)
{
    private const char Separator = '\n';

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, Sort, Id, Key)));

    public static LibraryCursor? Decode(string value)
    {
        if (value.Length > 2000)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value)).Split(Separator, 3);
            return parts.Length == 3 && parts[1].Length > 0 ? new LibraryCursor(parts[0], parts[2], parts[1]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
