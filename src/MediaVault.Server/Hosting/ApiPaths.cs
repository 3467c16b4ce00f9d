using MediaVault.Server.Api.Catalog;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Which paths answer with small JSON documents (the three surfaces, the web page's <c>/api</c>, the OpenAPI document):
/// those may be compressed and buffered for validators. Media bytes (<c>/files</c>), tus (<c>/uploads</c>) and the
/// library's signed upload URL never are.
/// </summary>
public static class ApiPaths
{
    private static readonly string[] JsonRoots = ["/releases", CatalogIris.Base, "/v2", "/api", "/openapi"];

    /// <summary>Paths whose JSON answers are compressed.</summary>
    public static bool AnswersJson(PathString path)
    {
        foreach (var root in JsonRoots)
        {
            if (path.StartsWithSegments(root, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads that are buffered and get an <c>ETag</c>, <c>Cache-Control</c> and <c>Vary</c>: API resources and lists, and
    /// the OpenAPI document (written in many small flushed pieces, which Brotli would compress as many small blocks).
    /// </summary>
    public static bool IsApiRead(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method) && AnswersJson(context.Request.Path);

    /// <summary>Paths whose routes answer <c>HEAD</c> themselves: delivery (GET and HEAD) and tus (HEAD is its offset query).</summary>
    public static bool AnswersHeadItself(PathString path) =>
        path.StartsWithSegments("/files", StringComparison.Ordinal) || path.StartsWithSegments("/uploads", StringComparison.Ordinal);
}
