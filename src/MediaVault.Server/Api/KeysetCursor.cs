using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace MediaVault.Server.Api;

/// <summary>
/// An opaque position in a list ordered by (created, id): the last item a page returned. Paging by it costs the same
/// on the ten-millionth item as on the first (an index seek, no OFFSET scan).
/// </summary>
public readonly record struct KeysetCursor(DateTime CreatedAt, string Id)
{
    /// <summary>Before every item: asks for the first keyset page.</summary>
    public static readonly KeysetCursor First = new(DateTime.MaxValue, "");

    public bool IsFirst => this == First;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.Ticks}:{Id}")));

    public static bool TryDecode(string? value, out KeysetCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(value));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
            {
                return false;
            }

            cursor = new KeysetCursor(new DateTime(ticks, DateTimeKind.Utc), text[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
