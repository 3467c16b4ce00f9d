using MediaVault.Core.Storage;
using MediaVault.Server.Api.Delivery;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Tests.Delivery;

public sealed class MediaUrlSignerTests
{
    private const string OldKey = "old-key-old-key-old-key-old-key-0001";
    private const string NewKey = "new-key-new-key-new-key-new-key-0002";

    [Fact]
    public void A_url_signed_with_a_rotated_out_key_verifies_while_that_key_is_listed_and_fails_once_revoked()
    {
        var signedWithOld = Query(new MediaUrlSigner(Options(OldKey), TimeProvider.System).SignQuery("m1", null, StorageArea.Permanent));

        var rotated = new MediaUrlSigner(Options(NewKey, OldKey), TimeProvider.System);
        var revoked = new MediaUrlSigner(Options(NewKey), TimeProvider.System);

        Assert.True(rotated.Verify("m1", null, signedWithOld["exp"], signedWithOld["kid"], signedWithOld["sig"]));
        Assert.False(revoked.Verify("m1", null, signedWithOld["exp"], signedWithOld["kid"], signedWithOld["sig"]));
    }

    [Fact]
    public void A_signature_covers_the_media_the_rendition_and_the_variant()
    {
        var signer = new MediaUrlSigner(Options(NewKey), TimeProvider.System);
        var q = Query(signer.SignQuery("m1", "thumb-256.webp", StorageArea.Temporary, "w=1"));

        Assert.True(signer.Verify("m1", "thumb-256.webp", q["exp"], q["kid"], q["sig"], "w=1"));
        Assert.False(signer.Verify("m2", "thumb-256.webp", q["exp"], q["kid"], q["sig"], "w=1"));
        Assert.False(signer.Verify("m1", "poster.jpg", q["exp"], q["kid"], q["sig"], "w=1"));
        Assert.False(signer.Verify("m1", "thumb-256.webp", q["exp"], q["kid"], q["sig"], "w=2"));
    }

    [Fact]
    public void Upload_signatures_bind_the_declared_size_and_expire()
    {
        var signer = new MediaUrlSigner(Options(NewKey), TimeProvider.System);
        var q = Query(signer.SignUploadQuery("m1", 100, DateTimeOffset.UtcNow.AddMinutes(5)));
        var old = Query(signer.SignUploadQuery("m1", 100, DateTimeOffset.UtcNow.AddMinutes(-5)));

        Assert.True(signer.VerifyUpload("m1", 100, q["exp"], q["kid"], q["sig"], out _));
        Assert.False(signer.VerifyUpload("m1", 101, q["exp"], q["kid"], q["sig"], out _));
        Assert.False(signer.VerifyUpload("m1", 100, old["exp"], old["kid"], old["sig"], out var expired));
        Assert.True(expired);
        Assert.False(signer.Verify("m1", null, q["exp"], q["kid"], q["sig"]));
    }

    [Fact]
    public void Urls_signed_within_one_window_are_identical_and_live_at_least_their_lifetime()
    {
        var lifetime = TimeSpan.FromHours(1);
        var window = TimeSpan.FromMinutes(5);
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 1, TimeSpan.Zero);
        var clock = new FixedClock(start);
        var signer = new MediaUrlSigner(Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { SigningKeys = [NewKey], TemporaryUrlLifetime = lifetime }), clock);

        var first = signer.SignQuery("m1", null, StorageArea.Temporary);
        clock.Now = start.AddMinutes(4);
        var sameWindow = signer.SignQuery("m1", null, StorageArea.Temporary);
        clock.Now = start.AddMinutes(5);
        var nextWindow = signer.SignQuery("m1", null, StorageArea.Temporary);

        Assert.Equal(first, sameWindow);
        Assert.NotEqual(first, nextWindow);
        for (var offset = 0; offset < 600; offset += 7)
        {
            var now = start.AddSeconds(offset);
            var expires = DateTimeOffset.FromUnixTimeSeconds(MediaUrlSigner.RoundedExpiry(now, lifetime, window));
            Assert.InRange(expires - now, lifetime, lifetime + window);
        }

        // A short lifetime rounds to a tenth of itself at most; under ten seconds, not at all.
        Assert.Equal(start.AddSeconds(5).ToUnixTimeSeconds(), MediaUrlSigner.RoundedExpiry(start, TimeSpan.FromSeconds(5), window));
        Assert.Equal(0, MediaUrlSigner.RoundedExpiry(start, TimeSpan.FromMinutes(1), window) % 6);
    }

    private static IOptions<DeliveryOptions> Options(params string[] keys) =>
        Microsoft.Extensions.Options.Options.Create(new DeliveryOptions { SigningKeys = [.. keys] });

    private static Dictionary<string, string> Query(string query) =>
        query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
