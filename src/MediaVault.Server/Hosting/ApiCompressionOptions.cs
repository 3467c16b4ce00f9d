namespace MediaVault.Server.Hosting;

/// <summary>Section <c>Compression</c>: whether JSON API answers are compressed (see the README on BREACH).</summary>
public sealed class ApiCompressionOptions
{
    public const string Section = "Compression";

    /// <summary>
    /// Brotli/gzip for JSON answers as <c>Accept-Encoding</c> asks. Turn off when a proxy in front authenticates callers
    /// with cookies: then a cross-site page could make a browser send credentialed requests and BREACH would apply.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
