using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

public sealed class MediaIdTests
{
    [Fact]
    public void New_is_a_random_version_4_uuid()
    {
        var id = MediaId.New();

        Assert.Equal(36, id.Length);
        Assert.True(Guid.TryParseExact(id, "D", out var parsed));
        Assert.Equal(4, parsed.Version);
        Assert.True(MediaId.IsWellFormed(id));
    }

    [Fact]
    public void New_is_unique()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => MediaId.New()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10_000, ids.Count);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("AbC-123_xyz")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")]
    public void IsWellFormed_accepts_url_safe_ids_up_to_64_characters(string value)
    {
        Assert.True(MediaId.IsWellFormed(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData(@"a\b")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a.b")]
    [InlineData("a b")]
    [InlineData("a%2Fb")]
    [InlineData("añb")]
    [InlineData("abc\0")]
    public void IsWellFormed_rejects_anything_that_could_be_a_path(string? value)
    {
        Assert.False(MediaId.IsWellFormed(value));
    }

    [Fact]
    public void IsWellFormed_rejects_more_than_64_characters()
    {
        Assert.True(MediaId.IsWellFormed(new string('a', 64)));
        Assert.False(MediaId.IsWellFormed(new string('a', 65)));
    }
}
