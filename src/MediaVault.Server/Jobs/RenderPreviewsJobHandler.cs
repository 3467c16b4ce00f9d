using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Api.Delivery;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Makes a ready media's deferred renditions (an image's larger thumbnails, an animation's animated preview). A media
/// deleted or reprocessed meanwhile is skipped; a rendition the original cannot give is left out, and the media stays
/// ready with the renditions it has. The decoded pixels a preview came with are kept in <see cref="DecodedPreviews"/>
/// once its row is committed, for the first on-the-fly variants of the image.
/// </summary>
public sealed partial class RenderPreviewsJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    IStagingArea staging,
    LocalCopies copies,
    IEnumerable<IDeferredRenditionGenerator> generators,
    RenditionWriter renditions,
    DecodedPreviews decodedPreviews,
    ILogger<RenderPreviewsJobHandler> logger) : IJobHandler
{
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

        var workDirectory = Path.Combine(staging.Folder, "work-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workDirectory);
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

            await renditions.WriteAsync(db, media, files, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var file in files.Where(f => f.Pixels is not null))
            {
                var row = db.Renditions.Local.Single(r => r.MediaId == media.Id && r.Name == file.Name);
                decodedPreviews.Remember(new DecodedPreviewKey(media.TenantId, media.Id, row.Id), file.Pixels!);
            }
        }
        catch (Exception ex) when (ex is MediaUnreadableException or BlobNotFoundException)
        {
            // The media stays ready with its small thumbnail; retrying would not help.
            LogSkipped(media.TenantId, media.Id, ex.Message);
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Previews of media {MediaId} (tenant {TenantId}) were not made: {Reason}")]
    private partial void LogSkipped(Guid tenantId, string mediaId, string reason);
}
