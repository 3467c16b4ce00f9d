using System.Collections.Concurrent;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Media.Vips;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Makes image variants on first request and keeps them as renditions, so the next request is a plain file send.
/// Concurrent requests for the same missing variant share one computation.
/// </summary>
public sealed class ImageVariantService(
    IDbContextFactory<MediaVaultDbContext> dbFactory, IBlobStore store, IStagingArea staging, LocalCopies copies, VipsThumbnailer vips,
    IOptions<VariantOptions> options, IOptions<ProcessingOptions> processing, TimeProvider clock)
{
    private readonly string _largePreview = RenditionNames.LargestThumbnail(processing.Value.ThumbnailSizes);
    private readonly ConcurrentDictionary<string, Lazy<Task<Outcome<MediaRendition>>>> _inFlight = new(StringComparer.Ordinal);

    public async Task<Outcome<MediaRendition>> GetOrCreateAsync(MediaItem media, ImageVariant variant, bool preset, CancellationToken cancellationToken)
    {
        if (media.Kind != MediaKind.Image)
        {
            return Failure.BadRequest("Variants are made only of images");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.Renditions.AsNoTracking().SingleOrDefaultAsync(r => r.MediaId == media.Id && r.Name == variant.RenditionName, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            var count = await db.Renditions.CountAsync(r => r.MediaId == media.Id && r.Name.StartsWith("v-"), cancellationToken);
            if (!preset && count >= options.Value.MaxPerMedia)
            {
                return Failure.BadRequest($"This image already has {count} variants, the most allowed; use one of them or a preset");
            }
        }

        var key = $"{media.Id}/{variant.RenditionName}";
        var work = _inFlight.GetOrAdd(key, _ => new Lazy<Task<Outcome<MediaRendition>>>(() => CreateAsync(media, variant)));
        try
        {
            return await work.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (work.Value.IsCompleted)
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<Outcome<MediaRendition>>>>(key, work));
            }
        }
    }

    /// <summary>
    /// What to scale from: the largest thumbnail (<c>thumb-1024.webp</c> by default, orientation already applied) when it has at least
    /// twice the pixels asked for on each side — a fraction of the cost of decoding a camera original — else the original.
    /// </summary>
    private async Task<BlobKey> SourceForAsync(MediaItem media, ImageVariant variant, CancellationToken cancellationToken)
    {
        var original = BlobKey.Original(media.Area, media.TenantId, media.Id);
        if (variant.Width is null && variant.Height is null)
        {
            return original;
        }

        // A plain local: EF reads captured locals directly.
        var largePreview = _largePreview;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preview = await db.Renditions.AsNoTracking()
            .Where(r => r.MediaId == media.Id && r.Name == largePreview)
            .Select(r => new { r.Width, r.Height })
            .SingleOrDefaultAsync(cancellationToken);
        return preview is { Width: { } w, Height: { } h } && w >= 2 * (variant.Width ?? 0) && h >= 2 * (variant.Height ?? 0)
            ? BlobKey.Rendition(media.Area, media.TenantId, media.Id, largePreview)
            : original;
    }

    private async Task<Outcome<MediaRendition>> CreateAsync(MediaItem media, ImageVariant variant)
    {
        // Shared by every waiting request, so it must not die with the first one's cancellation.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cancellationToken = timeout.Token;
        var target = Path.Combine(staging.Folder, $"{Guid.NewGuid():N}.{variant.Format}");
        try
        {
            var source = await SourceForAsync(media, variant, cancellationToken);
            await using var local = await copies.OpenAsync(source, cancellationToken);
            var (width, height) = await vips.WriteVariantAsync(local.Path, variant, target, cancellationToken);
            var rendition = new MediaRendition
            {
                Id = Guid.CreateVersion7(),
                TenantId = media.TenantId,
                MediaId = media.Id,
                Name = variant.RenditionName,
                MimeType = variant.MimeType,
                Size = new FileInfo(target).Length,
                Width = width,
                Height = height,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            await store.ImportFileAsync(BlobKey.Rendition(media.Area, media.TenantId, media.Id, rendition.Name), target, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Renditions.Add(rendition);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance made the same variant first; its row and (identical) file stand.
                return await db.Renditions.AsNoTracking().SingleAsync(r => r.MediaId == media.Id && r.Name == variant.RenditionName, cancellationToken);
            }

            return rendition;
        }
        catch (Core.Processing.MediaUnreadableException ex)
        {
            return Failure.BadRequest(Core.Processing.MediaFailures.Sentence(ex.Code));
        }
        finally
        {
            File.Delete(target);
        }
    }
}
