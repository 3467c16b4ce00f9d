namespace MediaVault.Server.Hosting;

/// <summary>
/// <c>HEAD</c> on every <c>GET</c> route: minimal APIs' <c>MapGet</c> matches GET only (HEAD was 405), so a HEAD request
/// is routed and run as the GET it mirrors, and the server sends the GET's status and headers without the body
/// (RFC 9110 §9.3.2). Routes that map HEAD themselves (delivery, tus) are left alone.
/// </summary>
public static class HeadRequests
{
    /// <summary>Must run before routing, so the GET endpoint is the one selected.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsHead(request.Method) || ApiPaths.AnswersHeadItself(request.Path))
            {
                return next(context);
            }

            request.Method = HttpMethods.Get;
            // Restored before the headers go out, so the server knows the answer has no body (Kestrel drops what the
            // GET handler writes for a HEAD request, and does not count it against Content-Length).
            context.Response.OnStarting(static state =>
            {
                ((HttpRequest)state).Method = HttpMethods.Head;
                return Task.CompletedTask;
            }, request);
            return next(context);
        });
}
