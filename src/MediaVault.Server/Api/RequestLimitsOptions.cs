using System.ComponentModel.DataAnnotations;

namespace MediaVault.Server.Api;

/// <summary>Section <c>Requests</c>: limits on JSON request bodies, the same on every surface.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "Requests";

    /// <summary>
    /// Largest JSON request body in bytes (1 MiB). Enforced while reading: a larger declared Content-Length is refused
    /// before a byte is read, a chunked body as soon as it passes the limit. Either way 413 and nothing stored.
    /// </summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxJsonBodyBytes { get; set; } = 1024 * 1024;
}
