using System.Buffers.Text;
using System.Security.Cryptography;

namespace MediaVault.Core.Media;

/// <summary>Media identifiers: 128 random bits, URL-safe base64 (22 characters), no path separators.</summary>
public static class MediaId
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="value"/> has the shape of an id this service issues (cheap check before any lookup).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
