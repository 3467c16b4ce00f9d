namespace MediaVault.Server.Hosting;

/// <summary>Section <c>Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>Whether a valid token naming an unknown tenant key creates that tenant on first use.</summary>
    public bool AutoProvision { get; set; } = true;
}
