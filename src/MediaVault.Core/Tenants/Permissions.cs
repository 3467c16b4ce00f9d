namespace MediaVault.Core.Tenants;

/// <summary>The permission names a token or API key can grant. <see cref="Admin"/> implies every other.</summary>
public static class Permissions
{
    public const string MediaRead = "media:read";
    public const string MediaWrite = "media:write";
    public const string MediaDelete = "media:delete";
    public const string ReleasesRead = "releases:read";
    public const string ReleasesWrite = "releases:write";
    public const string ReleasesReview = "releases:review";
    public const string CatalogRead = "catalog:read";
    public const string CatalogWrite = "catalog:write";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } =
    [
        MediaRead, MediaWrite, MediaDelete, ReleasesRead, ReleasesWrite, ReleasesReview, CatalogRead, CatalogWrite, Admin,
    ];

    public static bool IsKnown(string permission) => All.Contains(permission, StringComparer.Ordinal);

    /// <summary>Whether a granted set satisfies <paramref name="required"/>.</summary>
    public static bool Satisfies(IReadOnlyCollection<string> granted, string required) =>
        granted.Contains(Admin) || granted.Contains(required);
}
