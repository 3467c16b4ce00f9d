using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Media.Vips;
using MediaVault.Server.Api.Delivery;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Makes a ready media's deferred renditions (an image's larger thumbnails, an animation's animated preview). A media
/// deleted or reprocessed meanwhile is skipped; a rendition the original cannot give is left out, and the media stays
/// ready with the renditions it has. The decoded pixels a preview came with, and the same at half the size, are kept in
/// <see cref="DecodedPreviews"/> once its row is committed, for the first on-the-fly variants of the image.
/// </summary>
public sealed partial class RenderPreviewsJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    WorkDirectories workDirectories,
    LocalCopies copies,
    IEnumerable<IDeferredRenditionGenerator> generators,
    RenditionWriter renditions,
    DecodedPreviews decodedPreviews,
    VipsThumbnailer vips,
    ILogger<RenderPreviewsJobHandler> logger) : IJobHandler
{
    // Below this long edge a resize is cheap enough from the preview's own pixels.
    private const int MinimumHalvedEdge = 128;

    public string Kind => JobKinds.RenderPreviews;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == payload.MediaId && m.TenantId == job.TenantId, cancellationToken);
        if (media is not { State: MediaState.Ready, MimeType: { } mimeType })
        {
            return;
        }

        var applicable = generators.Where(g => g.CanHandle(mimeType)).ToList();
        if (applicable.Count == 0)
        {
            return;
        }

        var workDirectory = workDirectories.Rent();
        try
        {
            var files = new List<RenditionFile>();
            await using (var local = await copies.OpenAsync(BlobKey.Original(media.Area, media.TenantId, media.Id), cancellationToken))
            {
                var source = new RenditionSource(local.Path, mimeType, MediaMetadata.Parse(media.MetadataJson));
                foreach (var generator in applicable)
                {
                    try
                    {
                        files.AddRange(await generator.GenerateAsync(source, workDirectory, cancellationToken));
                    }
                    catch (MediaUnreadableException ex)
                    {
                        // One rendition the original cannot give (an animation past its caps) does not cost the others.
                        LogSkipped(media.TenantId, media.Id, ex.Message);
                    }
                }
            }

            var levels = new Dictionary<string, RenditionPixels[]>(StringComparer.Ordinal);
            foreach (var file in decodedPreviews.Enabled ? files.Where(f => f.Pixels is not null) : [])
            {
                var pixels = file.Pixels!;
                levels[file.Name] = Math.Max(pixels.Width, pixels.Height) >= MinimumHalvedEdge ? [pixels, await HalfAsync(pixels, cancellationToken)] : [pixels];
            }

            var area = await renditions.WriteAsync(db, media, files, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await renditions.SettleAsync(db, media, area, files.Select(f => f.Name), cancellationToken);
            foreach (var (name, kept) in levels)
            {
                var row = db.Renditions.Local.Single(r => r.MediaId == media.Id && r.Name == name);
                decodedPreviews.Remember(new DecodedPreviewKey(media.TenantId, media.Id, row.Id), kept);
            }
        }
        catch (Exception ex) when (ex is MediaUnreadableException or BlobNotFoundException)
        {
            // The media stays ready with its small thumbnail; retrying would not help.
            LogSkipped(media.TenantId, media.Id, ex.Message);
        }
        finally
        {
            workDirectories.Return(workDirectory);
        }
    }

    /// <summary>
    /// The preview's pixels at half its size, made here rather than on a request: a 256 px variant of a 1024 px preview
    /// then resizes a quarter of the pixels (and is still scaled down at least twice, see ImageVariantService).
    /// </summary>
    private Task<RenditionPixels> HalfAsync(RenditionPixels pixels, CancellationToken cancellationToken) =>
        vips.ScaleAsync(pixels, Math.Max(pixels.Width, pixels.Height) / 2, cancellationToken);

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Previews of media {MediaId} (tenant {TenantId}) were not made: {Reason}")]
    private partial void LogSkipped(Guid tenantId, string mediaId, string reason);
}
