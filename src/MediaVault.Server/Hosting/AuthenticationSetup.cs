using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.Server.Hosting;

/// <summary>
/// One default scheme that forwards to API keys or JWT bearer. Endpoints never challenge: each surface's filter
/// writes 401/403 in its own error shape.
/// </summary>
public static class AuthenticationSetup
{
    public const string SchemeName = "MediaVault";

    public static IServiceCollection AddMediaVaultAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section)
            .Validate(o => o.SigningKey.Length == 0 || Encoding.UTF8.GetByteCount(o.SigningKey) >= 32,
                "Auth:Jwt:SigningKey must be at least 32 bytes (or empty to disable JWT).")
            .ValidateOnStart();
        services.AddOptions<TenancyOptions>().BindConfiguration(TenancyOptions.Section);

        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        services.AddAuthentication(SchemeName)
            .AddPolicyScheme(SchemeName, SchemeName, options =>
                options.ForwardDefaultSelector = context =>
                    ApiKeyAuthenticationHandler.Presents(context.Request) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                // A token accepted before is accepted again without a second parse and HMAC, until its expiry.
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new RememberingJsonWebTokenHandler { MapInboundClaims = false });
                options.TokenValidationParameters = TokenValidation(jwt);
                options.Events = new JwtBearerEvents { OnTokenValidated = JwtStrictness.OnTokenValidatedAsync };
            });
        services.AddAuthorization();
        return services;
    }

    public static TokenValidationParameters TokenValidation(JwtOptions jwt) => new()
    {
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        // Without a configured secret no signature can verify: every JWT is refused, API keys still work.
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey.Length > 0 ? jwt.SigningKey : Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"))),
        ValidateIssuer = jwt.Issuer.Length > 0,
        ValidIssuer = jwt.Issuer,
        ValidateAudience = jwt.Audience.Length > 0,
        ValidAudience = jwt.Audience,
        NameClaimType = MediaVaultClaims.Subject,
    };
}
