using System.Collections.Concurrent;
using MediaVault.Core;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Variants this instance could not make (an unreadable image, or a drawing killed at the render limit), remembered
/// per tenant, media and variant: asking again for the same variant of the same file answers with the same error at
/// once instead of paying for the same failure, which for a hostile SVG is a process running until the render limit.
/// An unreadable image is remembered for <see cref="Lifetime"/>; a failure at the render limit only for
/// <see cref="TimeoutLifetime"/>, since a heavy but valid image can hit that limit when the machine is overloaded and
/// should be tried again once it is not. At most <see cref="MaxEntries"/> are kept.
/// </summary>
public sealed class FailedVariants(TimeProvider clock)
{
    public const int MaxEntries = 4096;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan TimeoutLifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(Guid TenantId, string MediaId, string Variant), (Failure Failure, DateTimeOffset Until)> _failed = new();

    public Failure? Recall(Guid tenantId, string mediaId, string variant)
    {
        var key = (tenantId, mediaId, variant);
        if (!_failed.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.Until > clock.GetUtcNow())
        {
            return entry.Failure;
        }

        _failed.TryRemove(new KeyValuePair<(Guid, string, string), (Failure, DateTimeOffset)>(key, entry));
        return null;
    }

    public void Remember(Guid tenantId, string mediaId, string variant, Failure failure, bool timedOut = false)
    {
        var now = clock.GetUtcNow();
        if (_failed.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _failed)
            {
                if (entry.Until <= now)
                {
                    _failed.TryRemove(key, out _);
                }
            }

            if (_failed.Count >= MaxEntries)
            {
                _failed.Clear();
            }
        }

        _failed[(tenantId, mediaId, variant)] = (failure, now + (timedOut ? TimeoutLifetime : Lifetime));
    }
}
