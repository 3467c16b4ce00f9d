using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.Server.Hosting;

/// <summary>
/// The stock JWT handler, remembering the tokens it accepted: a token string it validated before with the same
/// parameters is accepted again without the parse, the HMAC and the claims it costs, until the token's own
/// <c>exp</c> (the clock skew full validation allows past it is not granted). Only successes are remembered, keyed by
/// the exact token string, so nothing is accepted that full validation would refuse: the signing key and
/// parameters are fixed for the process (parameters that validate differently miss, see <see cref="SameRules"/>),
/// and a token's claims and lifetime are part of the string. Each request gets its own copy of the identity. At most <see cref="Capacity"/> tokens are
/// kept; when full, expired ones are dropped, and if none were, everything is forgotten.
/// </summary>
public sealed class RememberingJsonWebTokenHandler : JsonWebTokenHandler
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Accepted> _accepted = new(StringComparer.Ordinal);

    /// <summary>How many tokens are remembered now.</summary>
    public int Count => _accepted.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = DateTime.UtcNow;
        if (token is not null && _accepted.TryGetValue(token, out var known))
        {
            if (now >= known.Expires)
            {
                _accepted.TryRemove(token, out _);
            }
            else if (SameRules(known.Parameters, validationParameters))
            {
                return new TokenValidationResult
                {
                    IsValid = true,
                    SecurityToken = known.Token,
                    ClaimsIdentity = known.Identity.Clone(),
                    TokenType = known.TokenType,
                    Issuer = known.Issuer,
                };
            }
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (token is not null && result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var expires } && expires > now)
        {
            // A copy taken now: the request's own identity may be changed by what runs after validation.
            Remember(token, new Accepted(validationParameters, result.SecurityToken, result.ClaimsIdentity.Clone(), result.TokenType, result.Issuer, expires), now);
        }

        return result;
    }

    /// <summary>
    /// Whether two parameter objects validate alike. The JWT bearer handler clones the configured parameters for every
    /// request, so the clone must match: the same key and resolver objects, algorithms, issuers, audiences, types,
    /// flags, skew and custom validators. Anything else (another key, another audience) is validated in full.
    /// </summary>
    public static bool SameRules(TokenValidationParameters a, TokenValidationParameters b) =>
        ReferenceEquals(a, b)
        || (ReferenceEquals(a.IssuerSigningKey, b.IssuerSigningKey)
            && Same(a.IssuerSigningKeys, b.IssuerSigningKeys)
            && ReferenceEquals(a.IssuerSigningKeyResolver, b.IssuerSigningKeyResolver)
            && ReferenceEquals(a.IssuerSigningKeyValidator, b.IssuerSigningKeyValidator)
            && ReferenceEquals(a.SignatureValidator, b.SignatureValidator)
            && ReferenceEquals(a.AlgorithmValidator, b.AlgorithmValidator)
            && ReferenceEquals(a.AudienceValidator, b.AudienceValidator)
            && ReferenceEquals(a.IssuerValidator, b.IssuerValidator)
            && ReferenceEquals(a.LifetimeValidator, b.LifetimeValidator)
            && ReferenceEquals(a.TypeValidator, b.TypeValidator)
            && ReferenceEquals(a.TokenReader, b.TokenReader)
            && ReferenceEquals(a.TokenReplayValidator, b.TokenReplayValidator)
            && ReferenceEquals(a.TokenReplayCache, b.TokenReplayCache)
            && ReferenceEquals(a.ConfigurationManager, b.ConfigurationManager)
            && ReferenceEquals(a.TokenDecryptionKey, b.TokenDecryptionKey)
            && Same(a.TokenDecryptionKeys, b.TokenDecryptionKeys)
            && Same(a.ValidAlgorithms, b.ValidAlgorithms)
            && Same(a.ValidTypes, b.ValidTypes)
            && a.ValidIssuer == b.ValidIssuer && Same(a.ValidIssuers, b.ValidIssuers)
            && a.ValidAudience == b.ValidAudience && Same(a.ValidAudiences, b.ValidAudiences)
            && a.ValidateIssuer == b.ValidateIssuer && a.ValidateAudience == b.ValidateAudience
            && a.ValidateLifetime == b.ValidateLifetime && a.ValidateIssuerSigningKey == b.ValidateIssuerSigningKey
            && a.ValidateSignatureLast == b.ValidateSignatureLast && a.ValidateTokenReplay == b.ValidateTokenReplay
            && a.ValidateActor == b.ValidateActor && a.RequireSignedTokens == b.RequireSignedTokens
            && a.RequireExpirationTime == b.RequireExpirationTime && a.RequireAudience == b.RequireAudience
            && a.TryAllIssuerSigningKeys == b.TryAllIssuerSigningKeys && a.ClockSkew == b.ClockSkew
            && a.NameClaimType == b.NameClaimType && a.RoleClaimType == b.RoleClaimType
            && a.AuthenticationType == b.AuthenticationType && a.SaveSigninToken == b.SaveSigninToken);

    private static bool Same<T>(IEnumerable<T>? a, IEnumerable<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private void Remember(string token, Accepted accepted, DateTime now)
    {
        if (_accepted.Count >= Capacity)
        {
            foreach (var (key, value) in _accepted)
            {
                if (value.Expires <= now)
                {
                    _accepted.TryRemove(key, out _);
                }
            }

            if (_accepted.Count >= Capacity)
            {
                _accepted.Clear();
            }
        }

        _accepted[token] = accepted;
    }

    private sealed record Accepted(
        TokenValidationParameters Parameters, SecurityToken Token, System.Security.Claims.ClaimsIdentity Identity, string TokenType, string Issuer, DateTime Expires);
}
