using MediaVault.Core;
using MediaVault.Server.Api.Delivery;

namespace MediaVault.Server.Tests.Delivery;

public sealed class FailedVariantsTests
{
    private static readonly Guid Tenant = Guid.NewGuid();

    [Fact]
    public void An_unreadable_image_is_remembered_for_ten_minutes_and_a_render_limit_failure_for_one()
    {
        var clock = new MovableClock(DateTimeOffset.Parse("2026-12-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var failed = new FailedVariants(clock);
        failed.Remember(Tenant, "broken", "v-256", Failure.BadRequest("unreadable"));
        failed.Remember(Tenant, "heavy", "v-256", Failure.BadRequest("too slow"), timedOut: true);

        clock.Now += TimeSpan.FromSeconds(59);
        Assert.Equal("unreadable", failed.Recall(Tenant, "broken", "v-256")?.Message);
        Assert.Equal("too slow", failed.Recall(Tenant, "heavy", "v-256")?.Message);

        clock.Now += TimeSpan.FromSeconds(2);
        Assert.NotNull(failed.Recall(Tenant, "broken", "v-256"));
        Assert.Null(failed.Recall(Tenant, "heavy", "v-256"));

        clock.Now += TimeSpan.FromMinutes(9);
        Assert.Null(failed.Recall(Tenant, "broken", "v-256"));
    }

    [Fact]
    public void A_failure_is_remembered_only_for_its_tenant_media_and_variant()
    {
        var failed = new FailedVariants(TimeProvider.System);
        failed.Remember(Tenant, "broken", "v-256", Failure.BadRequest("unreadable"));

        Assert.NotNull(failed.Recall(Tenant, "broken", "v-256"));
        Assert.Null(failed.Recall(Guid.NewGuid(), "broken", "v-256"));
        Assert.Null(failed.Recall(Tenant, "other", "v-256"));
        Assert.Null(failed.Recall(Tenant, "broken", "v-512"));
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
