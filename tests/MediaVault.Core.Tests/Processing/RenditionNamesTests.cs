using MediaVault.Core.Processing;

namespace MediaVault.Core.Tests.Processing;

public sealed class RenditionNamesTests
{
    [Fact]
    public void Thumbnail_names_the_long_edge_in_pixels()
    {
        Assert.Equal("thumb-256.webp", RenditionNames.Thumbnail(256));
    }

    [Fact]
    public void Previews_follow_the_configured_sizes_largest_first()
    {
        Assert.Equal(["thumb-1024.webp", "thumb-256.webp"], RenditionNames.Previews(new ProcessingOptions().ThumbnailSizes));
        Assert.Equal(["thumb-2048.webp", "thumb-512.webp"], RenditionNames.Previews([512, 2048, 512]));
    }

    [Fact]
    public void The_largest_thumbnail_follows_the_setting()
    {
        Assert.Equal("thumb-1024.webp", RenditionNames.LargestThumbnail(new ProcessingOptions().ThumbnailSizes));
        Assert.Equal("thumb-1600.webp", RenditionNames.LargestThumbnail([320, 1600]));
    }
}
