using MediaVault.Core.Tenants;

namespace MediaVault.Core.Tests.Tenants;

public sealed class PermissionsTests
{
    public static TheoryData<string> AllPermissions => [.. Permissions.All];

    [Fact]
    public void Satisfies_when_the_permission_was_granted()
    {
        Assert.True(Permissions.Satisfies([Permissions.MediaRead, Permissions.ReleasesWrite], Permissions.ReleasesWrite));
    }

    [Fact]
    public void Does_not_satisfy_when_the_permission_was_not_granted()
    {
        Assert.False(Permissions.Satisfies([Permissions.MediaRead], Permissions.MediaWrite));
        Assert.False(Permissions.Satisfies([], Permissions.MediaRead));
    }

    [Theory]
    [MemberData(nameof(AllPermissions))]
    public void Admin_implies_every_permission(string required)
    {
        Assert.True(Permissions.Satisfies([Permissions.Admin], required));
    }

    [Fact]
    public void Other_permissions_do_not_imply_admin()
    {
        var everythingButAdmin = Permissions.All.Where(p => p != Permissions.Admin).ToArray();

        Assert.False(Permissions.Satisfies(everythingButAdmin, Permissions.Admin));
    }

    [Fact]
    public void Permission_names_are_case_sensitive()
    {
        Assert.False(Permissions.Satisfies(["ADMIN"], Permissions.MediaRead));
        Assert.False(Permissions.Satisfies(["Media:Read"], Permissions.MediaRead));
        Assert.False(Permissions.IsKnown("Media:Read"));
    }

    [Theory]
    [MemberData(nameof(AllPermissions))]
    public void IsKnown_accepts_every_listed_permission(string permission)
    {
        Assert.True(Permissions.IsKnown(permission));
    }

    [Theory]
    [InlineData("")]
    [InlineData("media")]
    [InlineData("media:*")]
    [InlineData("superuser")]
    public void IsKnown_rejects_unknown_names(string permission)
    {
        Assert.False(Permissions.IsKnown(permission));
    }
}
