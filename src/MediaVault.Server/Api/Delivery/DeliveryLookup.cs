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

    private static readonly Func<MediaVaultDbContext, string, string, Task<MediaRendition?>> RenditionByName =
        EF.CompileAsyncQuery((MediaVaultDbContext db, string mediaId, string name) =>
            db.Renditions.AsNoTracking().SingleOrDefault(r => r.MediaId == mediaId && r.Name == name));

    private readonly ConcurrentDictionary<(string MediaId, string Rendition), Entry> _entries = new();

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
        var media = await MediaById(db, mediaId);
        if (media is null || media.State == MediaState.Pending)
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        MediaRendition? derived = null;
        if (rendition is not null && (derived = await RenditionByName(db, media.Id, rendition)) is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        if (!remember)
        {
            return (media, derived, false);
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = new Entry(media, derived, now);
        return (media, derived, false);
    }

    /// <summary>Forgets an answer whose file turned out to be gone.</summary>
    public void Forget(string mediaId, string? rendition) => _entries.TryRemove((mediaId, rendition ?? ""), out _);

    private sealed record Entry(MediaItem Media, MediaRendition? Rendition, long At);
}
