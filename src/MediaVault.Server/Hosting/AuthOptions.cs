namespace MediaVault.Server.Hosting;

/// <summary>Section <c>Auth:Jwt</c>. HS256 with a shared secret; issuer and audience are checked only when set.</summary>
public sealed class JwtOptions
{
    public const string Section = "Auth:Jwt";

    /// <summary>At least 32 bytes. Empty disables JWT (API keys still work).</summary>
    public string SigningKey { get; set; } = "";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";
}
