using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

/// <summary>Signs development tokens with the configured HS256 secret (CLI <c>tokens create</c> and the first-start demo).</summary>
public sealed class TokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    public bool IsConfigured => options.Value.SigningKey.Length > 0;

    /// <exception cref="InvalidOperationException">No signing key is configured.</exception>
    public string Create(string tenantKey, string subject, IEnumerable<string> permissions, TimeSpan lifetime)
    {
        var jwt = options.Value;
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Auth:Jwt:SigningKey is not configured; set Auth__Jwt__SigningKey to sign tokens.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                [MediaVaultClaims.Subject] = subject,
                [MediaVaultClaims.Tenant] = tenantKey,
                [MediaVaultClaims.Permissions] = permissions.ToArray(),
            },
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Issuer = jwt.Issuer.Length > 0 ? jwt.Issuer : null,
            Audience = jwt.Audience.Length > 0 ? jwt.Audience : null,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
