using System.Buffers.Text;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Tokens written by the tests themselves (not by the server's issuer), good and bad.</summary>
public static class TestTokens
{
    public static string Create(string tenant, string[] permissions, string key = ServerFixture.SigningKey, DateTime? expires = null, string subject = "test-user", string[]? orgs = null)
    {
        var now = DateTime.UtcNow;
        var end = expires ?? now.AddHours(1);
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = orgs is null
                ? new Dictionary<string, object> { ["sub"] = subject, ["tenant"] = tenant, ["permissions"] = permissions }
                : new Dictionary<string, object> { ["sub"] = subject, ["tenant"] = tenant, ["permissions"] = permissions, ["orgs"] = orgs },
            IssuedAt = end < now ? end.AddHours(-1) : now,
            NotBefore = end < now ? end.AddHours(-1) : now,
            Expires = end,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string tenant)
    {
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = "attacker",
            ["tenant"] = tenant,
            ["permissions"] = new[] { "admin" },
            ["exp"] = exp,
        }));
        return $"{header}.{payload}.";
    }
}
