namespace MediaVault.Server.Hosting.Cors;

/// <summary>Origin syntax (<c>scheme://host[:port]</c>, as browsers send it in the <c>Origin</c> header) and matching.</summary>
public static class CorsOrigins
{
    public const string Any = "*";

    /// <summary>
    /// The origin in the form browsers send (lower case, default port left out), or null with the reason it is not one:
    /// only http and https, no user info, path, query or fragment.
    /// </summary>
    public static string? Normalize(string value, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = "must be scheme://host[:port] with scheme http or https";
            return null;
        }

        var authorityEnd = value.IndexOf('/', uri.Scheme.Length + 3);
        if (authorityEnd >= 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = "must be scheme://host[:port] without a path, query or user info (the Origin header has none)";
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="origin"/> (an Origin header) is one of <paramref name="allowed"/> (normalized entries or <c>*</c>).</summary>
    public static bool Contains(IReadOnlyCollection<string> allowed, string origin)
    {
        if (allowed.Count == 0)
        {
            return false;
        }

        if (allowed.Contains(Any))
        {
            return true;
        }

        return Normalize(origin, out _) is { } normalized && allowed.Contains(normalized);
    }
}
