using MediaVault.Core.Processing;
using MediaVault.Server.Api.Delivery;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Tests.Delivery;

public sealed class DecodedPreviewsTests
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();

    [Fact]
    public void Pixels_are_found_only_under_their_tenant_media_and_preview_row()
    {
        var previews = Previews(1000);
        var key = new DecodedPreviewKey(TenantA, "m1", Guid.NewGuid());
        var pixels = Pixels(100);

        previews.Remember(key, pixels);

        Assert.Same(pixels, previews.Find(key));
        Assert.Null(previews.Find(key with { TenantId = TenantB }));
        Assert.Null(previews.Find(key with { MediaId = "m2" }));
        Assert.Null(previews.Find(key with { RenditionId = Guid.NewGuid() }));
    }

    [Fact]
    public void Memory_stays_within_its_bytes_and_the_least_recently_used_go_first()
    {
        var previews = Previews(300);
        var (first, second, third) = (Key(), Key(), Key());

        previews.Remember(first, Pixels(100));
        previews.Remember(second, Pixels(100));
        Assert.NotNull(previews.Find(first));
        previews.Remember(third, Pixels(150));

        Assert.Equal(250, previews.Bytes);
        Assert.NotNull(previews.Find(first));
        Assert.Null(previews.Find(second));
        Assert.NotNull(previews.Find(third));
    }

    [Fact]
    public void Pixels_larger_than_the_whole_memory_are_not_kept_and_zero_keeps_none()
    {
        var small = Previews(50);
        var none = Previews(0);
        var key = Key();

        small.Remember(key, Pixels(51));
        none.Remember(key, Pixels(1));

        Assert.Null(small.Find(key));
        Assert.Null(none.Find(key));
        Assert.Equal(0, small.Bytes + none.Bytes);
    }

    [Fact]
    public void A_deleted_media_is_forgotten_and_other_media_stay()
    {
        var previews = Previews(1000);
        var gone = new DecodedPreviewKey(TenantA, "m1", Guid.NewGuid());
        var sameIdOtherTenant = gone with { TenantId = TenantB };

        previews.Remember(gone, Pixels(10));
        previews.Remember(sameIdOtherTenant, Pixels(10));
        previews.ForgetMedia(TenantA, "m1");

        Assert.Null(previews.Find(gone));
        Assert.NotNull(previews.Find(sameIdOtherTenant));
        Assert.Equal(10, previews.Bytes);
    }

    [Fact]
    public void The_smallest_level_that_suits_is_found_else_the_preview_itself_and_every_level_counts()
    {
        var previews = Previews(1000);
        var key = Key();
        var (full, half) = (Pixels(400), Pixels(100));

        previews.Remember(key, full, half);

        Assert.Equal(500, previews.Bytes);
        Assert.Same(full, previews.Find(key));
        Assert.Same(half, previews.Find(key, level => level.Width <= 400));
        Assert.Same(full, previews.Find(key, level => level.Width <= 50));
        Assert.Null(previews.Find(Key(), _ => true));
        previews.ForgetMedia(TenantA, key.MediaId);
        Assert.Equal(0, previews.Bytes);
    }

    private static DecodedPreviews Previews(long bytes) => new(Options.Create(new VariantOptions { DecodedPreviewBytes = bytes }));

    private static DecodedPreviewKey Key() => new(TenantA, Guid.NewGuid().ToString("N"), Guid.NewGuid());

    private static RenditionPixels Pixels(int bytes) => new(new byte[bytes], bytes, 1, 1);
}
