using System.Security.Claims;
using System.Text.Encodings.Web;
using MediaVault.Core.Tenants;
using MediaVault.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Authenticates <c>X-API-ID</c> + <c>X-API-KEY</c>, or the same pair sent as <c>Authorization: Bearer ak_….secret</c>.
/// Secrets are compared by hash in constant time; revoked keys fail.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<MediaVaultDbContext> dbFactory)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string IdHeader = "X-API-ID";
    public const string KeyHeader = "X-API-KEY";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!TryReadCredentials(Request, out var id, out var secret))
        {
            return AuthenticateResult.NoResult();
        }

        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var found = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Id == id && k.RevokedAt == null)
            .Join(db.Tenants, k => k.TenantId, t => t.Id, (k, t) => new { k.SecretHash, k.Permissions, TenantKey = t.Key })
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null || !ApiKeySecret.Matches(secret, found.SecretHash))
        {
            return AuthenticateResult.Fail("Invalid API key");
        }

        var claims = new List<Claim>
        {
            new(MediaVaultClaims.Subject, id),
            new(MediaVaultClaims.Tenant, found.TenantKey),
        };
        // Stored as one list (space-separated; older keys used commas); each permission becomes its own claim.
        claims.AddRange(found.Permissions.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(permission => new Claim(MediaVaultClaims.Permissions, permission)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>Whether the request presents API key credentials (either form), which selects this scheme.</summary>
    public static bool Presents(HttpRequest request) =>
        request.Headers.ContainsKey(IdHeader) || request.Headers.ContainsKey(KeyHeader)
        || (BearerToken(request) is { } token && token.StartsWith(ApiKeySecret.IdPrefix, StringComparison.Ordinal));

    private static bool TryReadCredentials(HttpRequest request, out string id, out string secret)
    {
        id = request.Headers[IdHeader].ToString();
        secret = request.Headers[KeyHeader].ToString();
        if (id.Length > 0 && secret.Length > 0)
        {
            return id.Length <= 64;
        }

        return BearerToken(request) is { } token && ApiKeySecret.TrySplitBearer(token, out id, out secret);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
