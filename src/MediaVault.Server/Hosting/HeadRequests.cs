namespace MediaVault.Server.Hosting;

/// <summary>
/// <c>HEAD</c> on every <c>GET</c> route: minimal APIs' <c>MapGet</c> matches GET only (HEAD was 405), so a HEAD request
/// is routed and run as the GET it mirrors; what the GET writes is counted and dropped, and the answer carries the
/// GET's status and headers with its <c>Content-Length</c> and no body (RFC 9110 §9.3.2). Routes that map HEAD
/// themselves (delivery, tus) are left alone.
/// </summary>
public static class HeadRequests
{
    /// <summary>Must run before routing, so the GET endpoint is the one selected.</summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsHead(request.Method) || ApiPaths.AnswersHeadItself(request.Path))
            {
                await next(context);
                return;
            }

            request.Method = HttpMethods.Get;
            // Restored before the headers go out, so the server too treats the answer as bodiless.
            context.Response.OnStarting(static state =>
            {
                ((HttpRequest)state).Method = HttpMethods.Head;
                return Task.CompletedTask;
            }, request);
            var response = context.Response;
            var original = response.Body;
            await using var counter = new CountingNullStream();
            response.Body = counter;
            try
            {
                await next(context);
                await response.BodyWriter.FlushAsync(context.RequestAborted);
            }
            finally
            {
                response.Body = original;
            }

            if (!response.HasStarted && response.ContentLength is null && counter.Length > 0)
            {
                response.ContentLength = counter.Length;
            }
        });
}
