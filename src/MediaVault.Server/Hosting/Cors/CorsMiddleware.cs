using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Hosting.Cors;

/// <summary>
/// CORS for the routes of <see cref="CorsRoutes"/>. A preflight (<c>OPTIONS</c> with <c>Origin</c> and
/// <c>Access-Control-Request-Method</c>) is answered here, 204, before authentication: it carries no credentials. It
/// grants the request only for an origin of <c>Cors:AllowedOrigins</c>. An actual request's answer is let through to
/// the page's script when the origin is allowed by the deployment and, once the request is known to act for a tenant,
/// by that tenant's own list too (preflights cannot know the tenant, so the tenant narrows answers, not preflights).
/// </summary>
public sealed class CorsMiddleware(RequestDelegate next, IOptions<CorsOptions> options, TenantOrigins tenants)
{
    private readonly IReadOnlySet<string> _allowed = options.Value.AllowedOrigins
        .Select(o => o == CorsOrigins.Any ? o : CorsOrigins.Normalize(o, out _)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private readonly string _maxAge = ((long)options.Value.PreflightMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    public Task InvokeAsync(HttpContext context)
    {
        if (CorsRoutes.For(context.Request.Path) is not { } route)
        {
            return next(context);
        }

        var origin = context.Request.Headers.Origin.ToString();
        if (IsPreflight(context.Request))
        {
            AnswerPreflight(context.Response, route, origin);
            return Task.CompletedTask;
        }

        if (_allowed.Count > 0)
        {
            // When the answer starts: after the handler (and any error handler, which clears headers) has run.
            context.Response.OnStarting(() => DecorateAnswerAsync(context, route, origin));
        }

        return next(context);
    }

    private static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method)
        && request.Headers.Origin.Count > 0
        && request.Headers.AccessControlRequestMethod.Count > 0;

    private void AnswerPreflight(HttpResponse response, CorsRoute route, string origin)
    {
        response.StatusCode = StatusCodes.Status204NoContent;
        var headers = response.Headers;
        headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        if (!CorsOrigins.Contains(_allowed, origin))
        {
            // No Access-Control-Allow-Origin: the browser refuses the request and never sends it.
            return;
        }

        headers.AccessControlAllowOrigin = origin;
        headers.AccessControlAllowMethods = route.AllowedMethods;
        headers.AccessControlAllowHeaders = route.AllowedHeaders;
        headers.AccessControlMaxAge = _maxAge;
    }

    private async Task DecorateAnswerAsync(HttpContext context, CorsRoute route, string origin)
    {
        // Whether the answer is readable depends on Origin, so shared caches must key on it even for same-origin answers.
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        if (origin.Length == 0 || !CorsOrigins.Contains(_allowed, origin))
        {
            return;
        }

        if (RequestTenant.Find(context) is { } tenant
            && await tenants.FindAsync(tenant.Id, context.RequestAborted) is { } narrowed
            && !CorsOrigins.Contains(narrowed, origin))
        {
            return;
        }

        context.Response.Headers.AccessControlAllowOrigin = origin;
        context.Response.Headers.AccessControlExposeHeaders = route.ExposedHeaders;
    }
}
