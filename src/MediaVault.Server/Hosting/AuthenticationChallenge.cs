using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Hosting;

/// <summary>
/// <c>WWW-Authenticate</c> on every 401, whichever surface wrote it and in whatever error body (RFC 9110 §11.6.1,
/// RFC 6750 §3): <c>Bearer realm="MediaVault"</c>, plus <c>error="invalid_token"</c> and a description when credentials
/// were sent (a bad or expired JWT, an unknown or revoked API key). API keys share the Bearer challenge: the key pair is
/// accepted as <c>Authorization: Bearer &lt;apiId&gt;.&lt;secret&gt;</c> too.
/// </summary>
public static class AuthenticationChallenge
{
    public const string Realm = "MediaVault";

    public static IApplicationBuilder UseAuthenticationChallenge(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state => AddChallengeAsync((HttpContext)state), context);
            return next(context);
        });

    private static async Task AddChallengeAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode != StatusCodes.Status401Unauthorized || response.Headers.ContainsKey(HeaderNames.WWWAuthenticate))
        {
            return;
        }

        response.Headers.WWWAuthenticate = await ChallengeAsync(context);
    }

    /// <summary>The challenge for this request; without credentials no error code, as RFC 6750 §3.1 asks.</summary>
    public static async Task<string> ChallengeAsync(HttpContext context)
    {
        var request = context.Request;
        var apiKey = ApiKeyAuthenticationHandler.Presents(request);
        if (!apiKey && request.Headers.Authorization.Count == 0)
        {
            return $"Bearer realm=\"{Realm}\"";
        }

        // The authentication middleware already ran the handler; its result is remembered for the request.
        var result = await context.AuthenticateAsync();
        if (result.None)
        {
            return $"Bearer realm=\"{Realm}\"";
        }

        var description = (result.Failure, apiKey) switch
        {
            (SecurityTokenExpiredException, _) => "The access token expired",
            (null, _) when result.Succeeded => "The credentials grant no access here",
            (_, true) => "The API key is unknown or revoked",
            _ => "The access token is invalid",
        };
        return $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"{description}\"";
    }
}
