using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Makes a media's conformed rendition for one profile (<see cref="IReleaseConformer"/>), stored beside its other renditions
/// (so it is promoted with the release), and records which rules it fixes under <see cref="AnalysisKeys.ConformedFixes"/>.
/// Running it again replaces the rendition.
/// </summary>
public sealed partial class ConformReleaseMediaJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    WorkDirectories workDirectories,
    LocalCopies copies,
    IEnumerable<IReleaseConformer> conformers,
    RenditionWriter renditions,
    TimeProvider clock,
    ILogger<ConformReleaseMediaJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.ConformReleaseMedia;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<ReleaseConformJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Media.SingleOrDefaultAsync(m => m.Id == payload.MediaId && m.TenantId == job.TenantId, cancellationToken);
        if (media is not { State: MediaState.Ready, MimeType: { } mimeType } || conformers.FirstOrDefault(c => c.CanHandle(mimeType)) is not { } conformer)
        {
            return;
        }

        var workDirectory = workDirectories.Rent();
        try
        {
            RenditionFile file;
            await using (var local = await copies.OpenAsync(BlobKey.Original(media.Area, media.TenantId, media.Id), cancellationToken))
            {
                file = await conformer.ConformAsync(new RenditionSource(local.Path, mimeType, MediaMetadata.Parse(media.MetadataJson)), payload.Target, workDirectory, cancellationToken);
            }

            var area = await renditions.WriteAsync(db, media, [file], cancellationToken);
            var metadata = MediaMetadata.Parse(media.MetadataJson);
            var fixes = metadata[AnalysisKeys.ConformedFixes] as JsonObject ?? [];
            fixes[payload.Target.Profile] = new JsonArray(payload.Target.Fixes.Select(f => (JsonNode?)f).ToArray());
            metadata[AnalysisKeys.ConformedFixes] = fixes.DeepClone();
            media.MetadataJson = MediaMetadata.Serialize(metadata);
            media.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            await renditions.SettleAsync(db, media, area, [file.Name], cancellationToken);
            LogConformed(media.TenantId, media.Id, payload.Target.Profile, file.Name);
        }
        finally
        {
            workDirectories.Return(workDirectory);
        }
    }

    public Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<ReleaseConformJobPayload>();
        LogFailed(failure, job.TenantId, payload.MediaId, payload.Target.Profile);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conformed media {MediaId} of tenant {TenantId} for {Profile} ({Rendition})")]
    private partial void LogConformed(Guid tenantId, string mediaId, string profile, string rendition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media {MediaId} of tenant {TenantId} could not be conformed for {Profile}")]
    private partial void LogFailed(Exception exception, Guid? tenantId, string mediaId, string profile);
}
