using System.Net;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>HEAD, PATCH and DELETE on an upload need what creating it needed, not just a token of the same tenant.</summary>
[Collection(ServerCollection.Name)]
public sealed class TusPermissionTests(ServerFixture server)
{
    [Theory]
    [InlineData("")]
    [InlineData("catalog:read")]
    [InlineData("releases:write")]
    public async Task Head_patch_and_delete_of_a_library_upload_are_403_without_media_write(string granted)
    {
        var permissions = granted.Length == 0 ? [] : new[] { granted };
        using var owner = server.CreateTenantClient(out var tenant, "media:write");
        using var other = server.CreateClientFor(tenant, permissions);
        var bytes = TestFiles.Bytes("image.png");
        var url = await owner.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "image.png")));

        using var head = await other.HeadUploadAsync(url);
        using var patch = await other.PatchChunkAsync(url, 0, bytes);
        using var delete = await other.DeleteUploadAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, head.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Contains("media:write", await patch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var ownerHead = await owner.HeadUploadAsync(url);
        Assert.Equal(HttpStatusCode.OK, ownerHead.StatusCode);
        Assert.Equal("0", ownerHead.Header("Upload-Offset"));
    }

    [Fact]
    public async Task A_release_upload_needs_releases_write_and_media_write_is_not_enough()
    {
        using var owner = server.CreateTenantClient(out var tenant, "releases:write", "releases:read");
        using var mediaWriter = server.CreateClientFor(tenant, "media:write");
        using var releaseWriter = server.CreateClientFor(tenant, "releases:write");
        var releaseId = await owner.CreateReleaseAsync();
        var bytes = TestFiles.Bytes("image.png");
        var url = await owner.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "image.png"), ("target", "release"), ("releaseId", releaseId)));

        using var refused = await mediaWriter.PatchChunkAsync(url, 0, bytes);
        using var accepted = await releaseWriter.PatchChunkAsync(url, 0, bytes);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.False(string.IsNullOrEmpty(accepted.Header("Upload-Media-Id")));
    }

    [Fact]
    public async Task A_token_with_media_write_of_the_same_tenant_may_resume_and_terminate()
    {
        using var owner = server.CreateTenantClient(out var tenant, "media:write");
        using var colleague = server.CreateClientFor(tenant, "media:write");
        var url = await owner.CreateUploadUrlAsync(1000, TusApi.Metadata(("filename", "x.png")));

        using var head = await colleague.HeadUploadAsync(url);
        using var delete = await colleague.DeleteUploadAsync(url);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }
}
