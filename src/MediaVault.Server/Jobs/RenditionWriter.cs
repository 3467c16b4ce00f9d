using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Stores generated renditions beside a media's original and records them, replacing earlier ones of the same name
/// (so a retried job is harmless). The caller saves the context.
/// </summary>
public sealed class RenditionWriter(IBlobStore store, TimeProvider clock)
{
    /// <summary>Imports the files into the media's current area (read again: an approval may have moved it meanwhile) and returns that area.</summary>
    /// <exception cref="BlobNotFoundException">The media was deleted meanwhile; nothing of these files is kept.</exception>
    public async Task<StorageArea> WriteAsync(MediaVaultDbContext db, MediaItem media, IReadOnlyList<RenditionFile> files, CancellationToken cancellationToken)
    {
        var (area, sizes) = await StoreAsync(db, media, files, cancellationToken);
        await RecordAsync(db, media, files, sizes, cancellationToken);
        return area;
    }

    /// <summary>
    /// Stores the files into the media's current area and returns that area and each file's size, without touching
    /// the rendition rows: the caller records them with <see cref="RecordAsync"/>, in a transaction of its own.
    /// </summary>
    /// <exception cref="BlobNotFoundException">The media was deleted meanwhile; nothing of these files is kept.</exception>
    public async Task<(StorageArea Area, Dictionary<string, long> Sizes)> StoreAsync(
        MediaVaultDbContext db, MediaItem media, IReadOnlyList<RenditionFile> files, CancellationToken cancellationToken)
    {
        var areas = await db.Media.Where(m => m.Id == media.Id).Select(m => m.Area).ToListAsync(cancellationToken);
        if (areas.Count == 0)
        {
            throw new BlobNotFoundException($"Media {media.Id} was deleted while its renditions were made.");
        }

        var area = areas[0];
        var sizes = files.ToDictionary(f => f.Name, f => new FileInfo(f.LocalPath).Length);
        foreach (var file in files)
        {
            await store.ImportFileAsync(BlobKey.Rendition(area, media.TenantId, media.Id, file.Name), file.LocalPath, cancellationToken);
        }

        if (!await db.Media.AnyAsync(m => m.Id == media.Id, cancellationToken))
        {
            // Deleted while the files were made: its blob clean-up may already have run, so take back what was just stored.
            foreach (var file in files)
            {
                await store.DeleteAsync(BlobKey.Rendition(area, media.TenantId, media.Id, file.Name), cancellationToken);
            }

            throw new BlobNotFoundException($"Media {media.Id} was deleted while its renditions were made.");
        }

        return (area, sizes);
    }

    /// <summary>
    /// Called after the caller committed the rows of renditions it stored in <paramref name="storedIn"/>: when an
    /// approval moved the media to permanent storage meanwhile, its move may have listed the renditions before these
    /// rows existed, so their files may still be in the old area. Each such file is copied to the media's area now and
    /// the old copy deleted; a file the move already took (gone from the old area) needs nothing. Files only ever move
    /// from temporary to permanent, so a rendition stored in permanent storage costs nothing here.
    /// </summary>
    public async Task SettleAsync(MediaVaultDbContext db, MediaItem media, StorageArea storedIn, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        if (storedIn == StorageArea.Permanent)
        {
            return;
        }

        var areas = await db.Media.AsNoTracking().Where(m => m.Id == media.Id).Select(m => m.Area).ToListAsync(cancellationToken);
        if (areas.Count == 0 || areas[0] == storedIn)
        {
            // Deleted (its clean-up removes what is left) or still where the files are.
            return;
        }

        foreach (var name in names)
        {
            var left = BlobKey.Rendition(storedIn, media.TenantId, media.Id, name);
            if (await store.GetInfoAsync(left, cancellationToken) is not null)
            {
                await MoveAsync(store, left, left.InArea(areas[0]), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="target"/> and deletes the source. A source that vanished
    /// meanwhile was moved by the other side of the race (an approval's move, or a writer settling its own file): then
    /// the target must exist, else the file is lost and that is an error.
    /// </summary>
    internal static async Task MoveAsync(IBlobStore store, BlobKey source, BlobKey target, CancellationToken cancellationToken)
    {
        try
        {
            await store.CopyAsync(source, target, cancellationToken);
        }
        catch (BlobNotFoundException)
        {
            if (await store.GetInfoAsync(target, cancellationToken) is not null)
            {
                return;
            }

            throw;
        }

        await store.DeleteAsync(source, cancellationToken);
    }

    /// <summary>Replaces the rows of renditions of the same names with these (the new rows are added to the context, unsaved).</summary>
    public async Task RecordAsync(
        MediaVaultDbContext db, MediaItem media, IReadOnlyList<RenditionFile> files, IReadOnlyDictionary<string, long> sizes, CancellationToken cancellationToken)
    {
        var names = files.Select(f => f.Name).ToList();
        await db.Renditions.Where(r => r.MediaId == media.Id && names.Contains(r.Name)).ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Renditions.AddRange(files.Select(f => new MediaRendition
        {
            Id = Guid.CreateVersion7(),
            TenantId = media.TenantId,
            MediaId = media.Id,
            Name = f.Name,
            MimeType = f.MimeType,
            Size = sizes[f.Name],
            Width = f.Width,
            Height = f.Height,
            CreatedAt = now,
        }));
    }
}
