using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>Extracts metadata from a stored original with every extractor that handles its type, then marks it ready.</summary>
public sealed partial class ProcessMediaJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    IBlobStore store,
    IEnumerable<IMetadataExtractor> extractors,
    TimeProvider clock,
    ILogger<ProcessMediaJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.ProcessMedia;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Media.SingleOrDefaultAsync(m => m.Id == payload.MediaId && m.TenantId == job.TenantId, cancellationToken);
        if (media is null || media.IsLink || media.State is MediaState.Ready or MediaState.Failed or MediaState.Pending)
        {
            return;
        }

        media.State = MediaState.Processing;
        media.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var applicable = extractors.Where(e => media.MimeType is { } mime && e.CanHandle(mime)).ToList();
        if (applicable.Count > 0)
        {
            await using var local = await LocalCopy.OpenAsync(store, BlobKey.Original(media.Area, media.TenantId, media.Id), cancellationToken);
            foreach (var extractor in applicable)
            {
                MediaMetadata.Merge(media, await extractor.ExtractAsync(local.Path, media.MimeType!, cancellationToken));
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        media.State = MediaState.Ready;
        media.ProcessedAt = now;
        media.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        LogProcessed(media.TenantId, media.Id, media.MimeType);
    }

    public async Task GiveUpAsync(Job job, string reason, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var trimmed = reason.Length > 2000 ? reason[..2000] : reason;
        await db.Media.Where(m => m.Id == payload.MediaId && m.TenantId == job.TenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MediaState.Failed)
                .SetProperty(m => m.FailureReason, trimmed)
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed media {MediaId} of tenant {TenantId} ({MimeType})")]
    private partial void LogProcessed(Guid tenantId, string mediaId, string? mimeType);
}
