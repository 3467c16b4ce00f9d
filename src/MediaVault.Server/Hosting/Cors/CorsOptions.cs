using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Hosting.Cors;

/// <summary>Section <c>Cors</c>: which browser origins may call the API from their own pages.</summary>
public sealed class CorsOptions
{
    public const string Section = "Cors";

    /// <summary>
    /// Origins as <c>scheme://host[:port]</c> (no path), or <c>*</c> for any. Empty (the default): no origin is allowed,
    /// answers carry no CORS headers and preflights are answered without permission, so browsers refuse.
    /// </summary>
    public List<string> AllowedOrigins { get; } = [];

    /// <summary>How long a browser may reuse a preflight's answer (<c>Access-Control-Max-Age</c>; Chromium caps it at 2 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromHours(2);
}
