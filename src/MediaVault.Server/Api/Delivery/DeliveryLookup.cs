using System.Collections.Concurrent;
using MediaVault.Core.Media;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Finds what a signed URL names — the media and, when asked, one of its renditions — with a one-second memory per
/// instance, so a hot file served thousands of times a second costs one database read a second, not one per request.
/// Only servable answers are remembered (never a miss or a pending upload), and the caller drops an entry whose file
/// has gone (deleted, or moved by an approval), so staleness is bounded by that second. Only used where the file can
/// be checked cheaply (a local store); with S3 every request reads the database.
/// </summary>
public sealed class DeliveryLookup(IDbContextFactory<MediaVaultDbContext> dbFactory, TimeProvider clock)
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private static readonly Func<MediaVaultDbContext, string, Task<MediaItem?>> MediaById =
        EF.CompileAsyncQuery((MediaVaultDbContext db, string id) => db.Media.AsNoTracking().SingleOrDefault(m => m.Id == id && !m.IsLink));

    // The media and its rendition in one round trip; no row when the media is missing, a null rendition when it lacks one.
    private static readonly Func<MediaVaultDbContext, string, string, Task<RememberedDelivery?>> MediaAndRendition =
        EF.CompileAsyncQuery((MediaVaultDbContext db, string id, string name) => (
                from m in db.Media.AsNoTracking().Where(m => m.Id == id && !m.IsLink)
                from r in db.Renditions.AsNoTracking().Where(r => r.MediaId == m.Id && r.Name == name).DefaultIfEmpty()
                select new RememberedDelivery(m, r, 0))
            .FirstOrDefault());

    private readonly ConcurrentDictionary<(string MediaId, string Rendition), RememberedDelivery> _entries = new();

    /// <summary>
    /// The remembered answer for a URL while it is fresh, without asking the database; null when there is none (then
    /// <see cref="FindAsync"/> asks). The caller still checks that the file is there.
    /// </summary>
    public RememberedDelivery? Recall(string mediaId, string? rendition) =>
        _entries.TryGetValue((mediaId, rendition ?? ""), out var cached) && clock.GetElapsedTime(cached.At) < Lifetime ? cached : null;

    /// <summary>
    /// The media (not a link, not pending) and the named rendition, or null when either is missing; Remembered says
    /// the answer came from memory (check the file, and <see cref="Forget"/> and ask again if it is gone).
    /// </summary>
    public async Task<(MediaItem Media, MediaRendition? Rendition, bool Remembered)?> FindAsync(string mediaId, string? rendition, bool remember, CancellationToken cancellationToken)
    {
        var key = (mediaId, rendition ?? "");
        var now = clock.GetTimestamp();
        if (remember && _entries.TryGetValue(key, out var cached) && clock.GetElapsedTime(cached.At, now) < Lifetime)
        {
            return (cached.Media, cached.Rendition, true);
        }

        // A context only on a miss: a remembered answer needs no database at all.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (media, derived) = rendition is null ? (await MediaById(db, mediaId), null) : await MediaAndRenditionAsync(db, mediaId, rendition);
        if (media is null || media.State == MediaState.Pending || (rendition is not null && derived is null))
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        if (remember)
        {
            Remember(mediaId, rendition, media, derived, now);
        }

        return (media, derived, false);
    }

    /// <summary>
    /// Remembers a servable answer found by another read (a variant's, which asks the database for more in the same
    /// round trip), as <see cref="FindAsync"/> would have.
    /// </summary>
    public void Remember(string mediaId, string? rendition, MediaItem media, MediaRendition? derived) =>
        Remember(mediaId, rendition, media, derived, clock.GetTimestamp());

    private void Remember(string mediaId, string? rendition, MediaItem media, MediaRendition? derived, long now)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(mediaId, rendition ?? "")] = new RememberedDelivery(media, derived, now);
    }

    private static async Task<(MediaItem? Media, MediaRendition? Rendition)> MediaAndRenditionAsync(MediaVaultDbContext db, string mediaId, string rendition) =>
        await MediaAndRendition(db, mediaId, rendition) is { } found ? (found.Media, found.Rendition) : (null, null);

    /// <summary>Forgets an answer whose file turned out to be gone.</summary>
    public void Forget(string mediaId, string? rendition) => _entries.TryRemove((mediaId, rendition ?? ""), out _);
}
