using System.Collections.Concurrent;
using MediaVault.Core;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Media.Vips;
using MediaVault.Server.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Delivery;

/// <summary>
/// Makes image variants on first request and keeps them as renditions, so the next request is a plain file send.
/// Concurrent requests for the same missing variant share one computation. A variant small enough is scaled from the
/// image's preview: from its decoded pixels when this instance made it recently (<see cref="DecodedPreviews"/>), else
/// from its file. A variant that could not be made is answered with the same error for a while
/// (<see cref="FailedVariants"/>).
/// </summary>
public sealed class ImageVariantService(
    IDbContextFactory<MediaVaultDbContext> dbFactory, IBlobStore store, IStagingArea staging, LocalCopies copies, VipsThumbnailer vips,
    DecodedPreviews decodedPreviews, FailedVariants failedVariants, RenditionWriter renditions, IOptions<VariantOptions> options, IOptions<ProcessingOptions> processing,
    TimeProvider clock)
{
    private readonly string _largePreview = RenditionNames.LargestThumbnail(processing.Value.ThumbnailSizes);
    private readonly ConcurrentDictionary<string, Lazy<Task<Outcome<MediaRendition>>>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>
    /// The variant of a media, made now if it is not yet: NotFound when there is no servable media (a link, pending, or
    /// unknown: the caller answers as for a bad URL), BadRequest when it is not an image or has too many variants.
    /// </summary>
    public async Task<Outcome<(MediaItem Media, MediaRendition Rendition)>> GetOrCreateAsync(
        string mediaId, ImageVariant variant, bool preset, CancellationToken cancellationToken)
    {
        var source = await FindAsync(mediaId, variant.RenditionName, cancellationToken);
        if (source is null || source.Media.State == MediaState.Pending)
        {
            return Failure.NotFound("No such media");
        }

        var media = source.Media;
        if (source.Existing is { } existing)
        {
            return (media, existing);
        }

        if (media.Kind != MediaKind.Image)
        {
            return Failure.BadRequest("Variants are made only of images");
        }

        if (failedVariants.Recall(media.TenantId, media.Id, variant.RenditionName) is { } failed)
        {
            return failed;
        }

        if (!preset && await CountVariantsAsync(media.Id, cancellationToken) is var count && count >= options.Value.MaxPerMedia)
        {
            return Failure.BadRequest($"This image already has {count} variants, the most allowed; use one of them or a preset");
        }

        var key = $"{media.Id}/{variant.RenditionName}";
        var work = _inFlight.GetOrAdd(key, _ => new Lazy<Task<Outcome<MediaRendition>>>(() => CreateAsync(media, variant, SourceFor(source, variant))));
        try
        {
            var made = await work.Value.WaitAsync(cancellationToken);
            return made.Failed ? made.Failure : (media, made.Value);
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
    /// Everything <see cref="GetOrCreateAsync"/> decides on but the variant count, in one database round trip: the
    /// only read of a variant's first request (the delivery endpoint asks no other), and of a made one's whose
    /// remembered answer has expired.
    /// </summary>
    private async Task<VariantSource?> FindAsync(string mediaId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Source(db, mediaId, name, _largePreview);
    }

    private static readonly Func<MediaVaultDbContext, string, string, string, Task<VariantSource?>> Source =
        EF.CompileAsyncQuery((MediaVaultDbContext db, string mediaId, string name, string largePreview) => (
                from m in db.Media.AsNoTracking().Where(m => m.Id == mediaId && !m.IsLink)
                from made in db.Renditions.AsNoTracking().Where(r => r.MediaId == m.Id && r.Name == name).DefaultIfEmpty()
                from preview in db.Renditions.AsNoTracking().Where(r => r.MediaId == m.Id && r.Name == largePreview).DefaultIfEmpty()
                select new VariantSource(
                    m, made, preview == null ? null : preview.Id, preview == null ? null : preview.Width, preview == null ? null : preview.Height))
            .FirstOrDefault());

    private static readonly Func<MediaVaultDbContext, string, Task<int>> VariantCount =
        EF.CompileAsyncQuery((MediaVaultDbContext db, string mediaId) => db.Renditions.Count(r => r.MediaId == mediaId && r.Name.StartsWith("v-")));

    /// <summary>How many variants a media has (asked only before making one that is not a preset).</summary>
    private async Task<int> CountVariantsAsync(string mediaId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await VariantCount(db, mediaId);
    }

    /// <summary>
    /// What to scale from: the largest thumbnail (<c>thumb-1024.webp</c> by default, orientation already applied) when it has at least
    /// twice the pixels asked for on each side — a fraction of the cost of decoding a camera original — else the original;
    /// with the thumbnail's decoded pixels when this instance still keeps them, at the smallest kept level the variant
    /// is still scaled down at least twice from (so a smaller level never costs sharpness).
    /// </summary>
    private (BlobKey Key, RenditionPixels? Pixels) SourceFor(VariantSource source, ImageVariant variant)
    {
        var media = source.Media;
        if ((variant.Width is not null || variant.Height is not null) && source is { PreviewId: { } previewId, PreviewWidth: { } w, PreviewHeight: { } h }
            && w >= 2 * (variant.Width ?? 0) && h >= 2 * (variant.Height ?? 0))
        {
            return (BlobKey.Rendition(media.Area, media.TenantId, media.Id, _largePreview),
                decodedPreviews.Find(new DecodedPreviewKey(media.TenantId, media.Id, previewId), level => HalvesAtLeast(level, variant)));
        }

        return (BlobKey.Original(media.Area, media.TenantId, media.Id), null);
    }

    /// <summary>
    /// Whether the variant made from these pixels is at most half their size on each side: the scale libvips applies
    /// (fit inside or contain: the smaller ratio; cover: the larger one, then a crop).
    /// </summary>
    private static bool HalvesAtLeast(RenditionPixels level, ImageVariant variant)
    {
        var byWidth = (double)(variant.Width ?? ImageVariant.MaxDimension) / level.Width;
        var byHeight = (double)(variant.Height ?? ImageVariant.MaxDimension) / level.Height;
        return (variant.Fit == "cover" ? Math.Max(byWidth, byHeight) : Math.Min(byWidth, byHeight)) <= 0.5;
    }

    private async Task<Outcome<MediaRendition>> CreateAsync(MediaItem media, ImageVariant variant, (BlobKey Key, RenditionPixels? Pixels) source)
    {
        // Shared by every waiting request, so it must not die with the first one's cancellation.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var cancellationToken = timeout.Token;
        var target = Path.Combine(staging.Folder, $"{Guid.NewGuid():N}.{variant.Format}");
        try
        {
            var (width, height) = source.Pixels is { } pixels
                ? await vips.WriteVariantAsync(pixels, variant, target, cancellationToken)
                : await WriteFromFileAsync(source.Key, variant, target, cancellationToken);
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
            var key = BlobKey.Rendition(media.Area, media.TenantId, media.Id, rendition.Name);
            await store.ImportFileAsync(key, target, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Renditions.Add(rendition);
            MediaRendition made;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                made = rendition;
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                made = await AdoptAsync(db, key, media.Id, variant.RenditionName, cancellationToken);
            }

            // The media's area was read before the file was made: an approval may have moved the media since.
            await renditions.SettleAsync(db, media, media.Area, [made.Name], cancellationToken);
            return made;
        }
        catch (Core.Processing.MediaUnreadableException ex)
        {
            var failure = Failure.BadRequest(Core.Processing.MediaFailures.Sentence(ex.Code));
            failedVariants.Remember(media.TenantId, media.Id, variant.RenditionName, failure, ex.Code == Core.Processing.MediaFailureCode.ProcessingTimeout);
            return failure;
        }
        finally
        {
            File.Delete(target);
        }
    }

    /// <summary>
    /// Another instance made the same variant first: its row stands. Its file may since have been replaced by ours
    /// (the same size in pixels, but not always the same bytes: one instance may have scaled from the preview's kept
    /// pixels, the other from its file); both imports are done by now, so the row takes the stored file's size.
    /// </summary>
    private async Task<MediaRendition> AdoptAsync(MediaVaultDbContext db, BlobKey key, string mediaId, string name, CancellationToken cancellationToken)
    {
        var winner = await db.Renditions.SingleAsync(r => r.MediaId == mediaId && r.Name == name, cancellationToken);
        if (await store.GetInfoAsync(key, cancellationToken) is { } stored && stored.Size != winner.Size)
        {
            winner.Size = stored.Size;
            await db.SaveChangesAsync(cancellationToken);
        }

        return winner;
    }

    private async Task<(int Width, int Height)> WriteFromFileAsync(BlobKey source, ImageVariant variant, string target, CancellationToken cancellationToken)
    {
        await using var local = await copies.OpenAsync(source, cancellationToken);
        return await vips.WriteVariantAsync(local.Path, variant, target, cancellationToken);
    }
}
