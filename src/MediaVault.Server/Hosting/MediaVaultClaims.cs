namespace MediaVault.Server.Hosting;

/// <summary>Claim types read from tokens and written for API keys.</summary>
public static class MediaVaultClaims
{
    public const string Subject = "sub";
    public const string Tenant = "tenant";
    public const string Permissions = "permissions";
    public const string Scope = "scope";
    public const string Organizations = "orgs";
}
