using MediaVault.Core.Media;

namespace MediaVault.Core.Tests.Media;

public sealed class MimeTypeAliasesTests
{
    [Theory]
    [InlineData("video/flv", "video/x-flv")]
    [InlineData("application/x-flash-video", "video/x-flv")]
    [InlineData("VIDEO/X-FLV", "video/x-flv")]
    [InlineData("video/mpv", "video/mpeg")]
    [InlineData("video/x-m2v", "video/mpeg")]
    public void Declared_flv_and_mpeg_elementary_stream_names_map_to_an_allowed_type(string declared, string canonical)
    {
        Assert.Equal(canonical, MimeTypeAliases.Canonical(declared));
        Assert.Contains(canonical, new MediaOptions().AllowedMimeTypes);
    }
}
