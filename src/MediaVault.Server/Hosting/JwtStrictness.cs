using System.Buffers.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Checks a signed, unexpired token further than the token library does: a <c>crit</c> header names extensions this
/// server does not implement, so RFC 7515 §4.1.11 says the token must be refused; <c>tenant</c> must be one string,
/// never an array whose element the claims layer would pick at random. A refusal is a 401 like a bad signature.
/// </summary>
public static partial class JwtStrictness
{
    public static Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is not JsonWebToken token)
        {
            context.Fail("Unsupported token type");
            return Task.CompletedTask;
        }

        var refusal = Refusal(token);
        if (refusal is not null)
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MediaVault.Auth");
            LogRefused(logger, refusal);
            context.Fail(refusal);
        }

        return Task.CompletedTask;
    }

    /// <summary>Why the token is refused, or null when it is acceptable.</summary>
    public static string? Refusal(JsonWebToken token)
    {
        using var header = Decode(token.EncodedHeader);
        if (header?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return "The token header is not a JSON object";
        }

        if (header.RootElement.TryGetProperty("crit", out _))
        {
            return "The token has a crit header naming extensions this server does not understand";
        }

        using var payload = Decode(token.EncodedPayload);
        if (payload?.RootElement.ValueKind != JsonValueKind.Object)
        {
            return "The token payload is not a JSON object";
        }

        if (payload.RootElement.TryGetProperty(MediaVaultClaims.Tenant, out var tenant) && tenant.ValueKind != JsonValueKind.String)
        {
            return "The token's tenant claim must be a single string";
        }

        return null;
    }

    private static JsonDocument? Decode(string encoded)
    {
        try
        {
            return JsonDocument.Parse(Base64Url.DecodeFromChars(encoded));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a signed token: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
