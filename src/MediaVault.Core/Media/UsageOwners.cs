namespace MediaVault.Core.Media;

/// <summary>The kinds of owner a <see cref="MediaUsage"/> can point at.</summary>
public static class UsageOwners
{
    public const string Release = "release";
    public const string Track = "track";
    public const string Product = "product";
    public const string Variant = "variant";
}
