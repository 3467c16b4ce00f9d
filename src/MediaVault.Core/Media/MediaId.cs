using System.Security.Cryptography;

namespace MediaVault.Core.Media;

/// <summary>
/// Media identifiers: random (version 4) UUIDs from a cryptographic generator, in their 36-character form. They are
/// URL-safe, unguessable (122 random bits) and have the UUID shape the release and catalog references show.
/// </summary>
public static class MediaId
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString("D");
    }

    /// <summary>Whether <paramref name="value"/> has the shape of an id this service accepts (cheap check before any lookup).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: >= 1 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
