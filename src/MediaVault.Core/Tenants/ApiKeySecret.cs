using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace MediaVault.Core.Tenants;

/// <summary>Creates and checks API key credentials. Secrets are 256 random bits, so a plain SHA-256 is a sufficient hash.</summary>
public static class ApiKeySecret
{
    public const string IdPrefix = "ak_";

    public static string NewId() => IdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash)
    {
        var actual = Encoding.ASCII.GetBytes(Hash(secret));
        var expected = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>The single-string form accepted as <c>Authorization: Bearer ak_….secret</c>.</summary>
    public static string BearerForm(string id, string secret) => id + "." + secret;

    public static bool TrySplitBearer(string token, out string id, out string secret)
    {
        id = secret = "";
        if (!token.StartsWith(IdPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= IdPrefix.Length || dot == token.Length - 1 || token.IndexOf('.', dot + 1) >= 0)
        {
            return false;
        }

        id = token[..dot];
        secret = token[(dot + 1)..];
        return true;
    }
}
