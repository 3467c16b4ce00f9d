namespace MediaVault.Server.Jobs;

/// <summary>Section <c>Links</c>: how submitted links are checked.</summary>
public sealed class LinkCheckOptions
{
    public const string Section = "Links";

    /// <summary>Whether link checks may reach loopback and private addresses (off: no server-side request forgery into the local network).</summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
