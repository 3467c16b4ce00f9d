using MediaVault.Core.Media;
using MediaVault.Core.Storage;

namespace MediaVault.Core.Tests.Storage;

public sealed class BlobKeyTests
{
    private static readonly Guid Tenant = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Theory]
    [InlineData(StorageArea.Temporary, "temporary/0f8fad5bd9cb469fa16570867728950e/abc-_123/original")]
    [InlineData(StorageArea.Permanent, "permanent/0f8fad5bd9cb469fa16570867728950e/abc-_123/original")]
    public void Original_path_is_area_tenant_media_original(StorageArea area, string expected)
    {
        var key = BlobKey.Original(area, Tenant, "abc-_123");

        Assert.Equal(expected, key.Path);
        Assert.Equal(expected, key.ToString());
        Assert.Equal(BlobKey.OriginalName, key.Name);
        Assert.Equal(area, key.Area);
        Assert.Equal(Tenant, key.TenantId);
        Assert.Equal("abc-_123", key.MediaId);
    }

    [Theory]
    [InlineData(StorageArea.Temporary, "temporary/0f8fad5bd9cb469fa16570867728950e/m1/renditions/thumb-256.webp")]
    [InlineData(StorageArea.Permanent, "permanent/0f8fad5bd9cb469fa16570867728950e/m1/renditions/thumb-256.webp")]
    public void Rendition_path_is_under_the_media_renditions_folder(StorageArea area, string expected)
    {
        var key = BlobKey.Rendition(area, Tenant, "m1", "thumb-256.webp");

        Assert.Equal(expected, key.Path);
        Assert.Equal("renditions/thumb-256.webp", key.Name);
    }

    [Fact]
    public void Rendition_accepts_every_allowed_character()
    {
        var key = BlobKey.Rendition(StorageArea.Temporary, Tenant, "m1", "abcdefghijklmnopqrstuvwxyz0123456789._-");

        Assert.EndsWith("/renditions/abcdefghijklmnopqrstuvwxyz0123456789._-", key.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_with_the_same_parts_are_equal()
    {
        Assert.Equal(BlobKey.Original(StorageArea.Temporary, Tenant, "m1"), BlobKey.Original(StorageArea.Temporary, Tenant, "m1"));
        Assert.NotEqual(BlobKey.Original(StorageArea.Temporary, Tenant, "m1"), BlobKey.Original(StorageArea.Permanent, Tenant, "m1"));
        Assert.NotEqual(BlobKey.Original(StorageArea.Temporary, Tenant, "m1"), BlobKey.Original(StorageArea.Temporary, Tenant, "M1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../other")]
    [InlineData("a/b")]
    [InlineData(@"a\b")]
    [InlineData("a.b")]
    [InlineData("a b")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm")]
    public void Invalid_media_ids_throw_argument_exception(string mediaId)
    {
        Assert.Throws<ArgumentException>(() => BlobKey.Original(StorageArea.Temporary, Tenant, mediaId));
        Assert.Throws<ArgumentException>(() => BlobKey.Rendition(StorageArea.Temporary, Tenant, mediaId, "thumb.webp"));
        Assert.Throws<ArgumentException>(() => BlobKey.MediaPrefix(StorageArea.Temporary, Tenant, mediaId));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("../original")]
    [InlineData("a/b")]
    [InlineData(@"a\b")]
    [InlineData("Thumb.webp")]
    [InlineData("thumb 256.webp")]
    [InlineData("thumb\0.webp")]
    [InlineData("thümb.webp")]
    public void Invalid_rendition_names_throw_argument_exception(string renditionName)
    {
        var error = Assert.Throws<ArgumentException>(() => BlobKey.Rendition(StorageArea.Temporary, Tenant, "m1", renditionName));

        Assert.Equal("renditionName", error.ParamName);
    }

    [Fact]
    public void Rendition_names_are_limited_to_100_characters()
    {
        Assert.EndsWith(new string('a', 100), BlobKey.Rendition(StorageArea.Temporary, Tenant, "m1", new string('a', 100)).Path, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BlobKey.Rendition(StorageArea.Temporary, Tenant, "m1", new string('a', 101)));
    }

    [Fact]
    public void InArea_moves_an_original_to_the_other_area_and_keeps_the_rest()
    {
        var temporary = BlobKey.Original(StorageArea.Temporary, Tenant, "m1");

        var permanent = temporary.InArea(StorageArea.Permanent);

        Assert.Equal(BlobKey.Original(StorageArea.Permanent, Tenant, "m1"), permanent);
        Assert.Equal("permanent/0f8fad5bd9cb469fa16570867728950e/m1/original", permanent.Path);
    }

    [Fact]
    public void InArea_keeps_the_rendition_name()
    {
        var temporary = BlobKey.Rendition(StorageArea.Temporary, Tenant, "m1", "poster.jpg");

        Assert.Equal(BlobKey.Rendition(StorageArea.Permanent, Tenant, "m1", "poster.jpg"), temporary.InArea(StorageArea.Permanent));
        Assert.Equal(temporary, temporary.InArea(StorageArea.Temporary));
    }

    [Fact]
    public void MediaPrefix_is_the_folder_shared_by_original_and_renditions()
    {
        var prefix = BlobKey.MediaPrefix(StorageArea.Temporary, Tenant, "m1");

        Assert.Equal("temporary/0f8fad5bd9cb469fa16570867728950e/m1/", prefix);
        Assert.StartsWith(prefix, BlobKey.Original(StorageArea.Temporary, Tenant, "m1").Path, StringComparison.Ordinal);
        Assert.StartsWith(prefix, BlobKey.Rendition(StorageArea.Temporary, Tenant, "m1", "thumb.webp").Path, StringComparison.Ordinal);
        Assert.False(BlobKey.Original(StorageArea.Temporary, Tenant, "m10").Path.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void New_media_ids_make_valid_keys()
    {
        var id = MediaId.New();

        Assert.Equal($"temporary/{Tenant:N}/{id}/original", BlobKey.Original(StorageArea.Temporary, Tenant, id).Path);
    }
}
