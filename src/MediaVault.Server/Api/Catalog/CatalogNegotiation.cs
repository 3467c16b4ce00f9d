using Microsoft.Net.Http.Headers;

namespace MediaVault.Server.Api.Catalog;

/// <summary>
/// Content negotiation of the catalogue, as API Platform does it: <c>application/ld+json</c> or <c>application/json</c>
/// (the same document: JSON-LD is JSON) by the <c>Accept</c> header, ld+json when it allows both equally or is absent;
/// an <c>Accept</c> allowing neither is 406 before anything runs. Every answer links the Hydra documentation and
/// varies on <c>Accept</c>.
/// </summary>
public static class CatalogNegotiation
{
    public const string LdJson = "application/ld+json";
    public const string Json = "application/json";
    public const string ApiDocumentationRel = "http://www.w3.org/ns/hydra/core#apiDocumentation";

    private static readonly string[] Served = [LdJson, Json];

    /// <summary>The type to answer in, or null when the <c>Accept</c> header allows none of the served types.</summary>
    public static string? Choose(HttpRequest request)
    {
        var accepts = request.GetTypedHeaders().Accept;
        if (accepts.Count == 0)
        {
            return LdJson;
        }

        string? best = null;
        (double Quality, int Specificity) bestRank = (0, -1);
        foreach (var served in Served)
        {
            var rank = Rank(served, accepts);
            if (rank.Quality > 0 && (rank.Quality > bestRank.Quality || (rank.Quality == bestRank.Quality && rank.Specificity > bestRank.Specificity)))
            {
                (best, bestRank) = (served, rank);
            }
        }

        return best;
    }

    /// <summary>
    /// Adds the endpoint filter answering 406 when nothing the catalogue serves is acceptable, and the headers every
    /// catalogue answer carries (also on answers without a body, such as 204).
    /// </summary>
    public static TBuilder NegotiatesCatalogFormats<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            AddHeaders(http);
            if (Choose(http.Request) is null)
            {
                var requested = http.Request.Headers.Accept.ToString();
                return CatalogProblems.NotAcceptable(http,
                    $"Requested format \"{requested}\" is not supported. Supported MIME types are \"{string.Join("\", \"", Served)}\".");
            }

            return await next(context);
        });
        return builder;
    }

    /// <summary>The Hydra documentation link and <c>Vary: Accept</c>, each added once.</summary>
    public static void AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        var link = $"<{CatalogContexts.Origin(context.Request)}{CatalogApiDocumentation.Path}>; rel=\"{ApiDocumentationRel}\"";
        if (!headers.Link.Contains(link))
        {
            headers.Append(HeaderNames.Link, link);
        }

        if (!headers.Vary.SelectMany(v => (v ?? "").Split(',')).Any(v => v.Trim().Equals(HeaderNames.Accept, StringComparison.OrdinalIgnoreCase)))
        {
            headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        }
    }

    /// <summary>The quality the most specific matching range gives <paramref name="served"/> (exact 2, type/* 1, */* 0).</summary>
    private static (double Quality, int Specificity) Rank(string served, IList<MediaTypeHeaderValue> accepts)
    {
        var best = (Quality: 0d, Specificity: -1);
        foreach (var accept in accepts)
        {
            var range = accept.MediaType.Value ?? "";
            var specificity = range.Equals(served, StringComparison.OrdinalIgnoreCase) ? 2
                : range.Equals("application/*", StringComparison.OrdinalIgnoreCase) ? 1
                : range == "*/*" ? 0
                : -1;
            if (specificity > best.Specificity)
            {
                best = (accept.Quality ?? 1, specificity);
            }
        }

        return best;
    }
}
