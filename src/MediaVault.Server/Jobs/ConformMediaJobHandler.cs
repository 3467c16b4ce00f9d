using System.Text.Json.Nodes;
using MediaVault.Core;
using MediaVault.Core.Compatibility;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Profiles;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Media.Ffmpeg;
using MediaVault.Media.Vips;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Makes a conformed rendition (<see cref="ConformedRendition"/>): plans it from the media's stored facts and the
/// profile (<see cref="ConformPlan"/>), encodes it in the tools' jail (an MP4 by <see cref="VideoConformer"/>, a JPEG by
/// <see cref="ImageConformer"/>), analyses the result with the same extractors as processing and checks it against the
/// profile. Only a file that breaks no error rule is stored (as the media's rendition) and marked ready; any failure
/// leaves nothing stored and the row failed with a plain reason.
/// </summary>
public sealed partial class ConformMediaJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    WorkDirectories workDirectories,
    LocalCopies copies,
    IEnumerable<IMetadataExtractor> extractors,
    VideoConformer videos,
    ImageConformer images,
    RenditionWriter renditions,
    ProfileSet profiles,
    TimeProvider clock,
    ILogger<ConformMediaJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.ConformMedia;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<ConformJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ConformedRenditions.SingleOrDefaultAsync(c => c.Id == payload.ConformedId && c.TenantId == job.TenantId, cancellationToken);
        if (row is not { Status: ConformStatus.Processing })
        {
            return;
        }

        var media = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == row.MediaId && m.TenantId == row.TenantId, cancellationToken);
        if (media is not { State: MediaState.Ready, MimeType: { } mimeType })
        {
            await FailAsync(db, row, "The media is not ready, so it cannot be conformed.", cancellationToken);
            return;
        }

        if (!profiles.TryGet(row.Profile, out var profile))
        {
            await FailAsync(db, row, "This deployment no longer has that profile.", cancellationToken);
            return;
        }

        var kind = MetadataFacts.KindOf(media);
        var facts = MetadataFacts.Of(media);
        var plan = ConformPlan.Make(profile, kind, facts, row.Fit == ConformFits.Crop, row.Trim);
        if (plan.Failed)
        {
            await FailAsync(db, row, plan.Failure.Message, cancellationToken);
            return;
        }

        var workDirectory = workDirectories.Rent();
        try
        {
            var output = Path.Combine(workDirectory, row.RenditionName);
            var outputType = kind == "video" ? "video/mp4" : "image/jpeg";
            try
            {
                await using (var local = await copies.OpenAsync(BlobKey.Original(media.Area, media.TenantId, media.Id), cancellationToken))
                {
                    if (kind == "video")
                    {
                        var frameRate = facts.TryGet("frameRate", out var fps) ? fps.Number : 0;
                        await videos.WriteAsync(local.Path, mimeType, plan.Value, frameRate, output, cancellationToken);
                    }
                    else
                    {
                        await images.WriteAsync(local.Path, plan.Value, output, cancellationToken);
                    }
                }

                var check = await AnalyseAsync(media, output, outputType, cancellationToken);
                var broken = ProfileEvaluator.Evaluate(profile, kind, MetadataFacts.Of(check)).Where(f => f.Severity == RuleSeverity.Error).ToList();
                if (broken.Count > 0)
                {
                    LogStillBroken(media.TenantId, media.Id, row.Profile, string.Join(", ", broken.Select(f => f.Rule)));
                    await FailAsync(db, row, "The conformed file still breaks " + string.Join(", ", broken.Select(f => f.Rule)) + ", so it was not kept.", cancellationToken);
                    return;
                }

                var metadata = MediaMetadata.Parse(check.MetadataJson);
                var (width, height) = (Int(metadata[MetadataKeys.Width]), Int(metadata[MetadataKeys.Height]));
                var area = await renditions.WriteAsync(db, media, [new RenditionFile(row.RenditionName, outputType, output, width, height)], cancellationToken);
                row.Status = ConformStatus.Ready;
                row.MimeType = outputType;
                row.Size = check.Size;
                row.Width = width;
                row.Height = height;
                row.Duration = kind == "video" ? metadata[MetadataKeys.Duration]?.GetValue<double>() : null;
                row.FailureReason = null;
                row.UpdatedAt = Now;
                await db.SaveChangesAsync(cancellationToken);
                await renditions.SettleAsync(db, media, area, [row.RenditionName], cancellationToken);
                LogConformed(media.TenantId, media.Id, row.Profile, check.Size ?? 0);
            }
            catch (MediaUnreadableException ex)
            {
                // A tool's verdict on this file does not change on retry.
                LogToolFailed(ex, media.TenantId, media.Id, row.Profile);
                await FailAsync(db, row, MediaFailures.Sentence(ex.Code), cancellationToken);
            }
            catch (BlobNotFoundException)
            {
                await FailAsync(db, row, "The media was deleted while it was conformed.", cancellationToken);
            }
        }
        finally
        {
            workDirectories.Return(workDirectory);
        }
    }

    public async Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<ConformJobPayload>();
        var reason = MediaFailures.Sentence(MediaFailures.Of(failure));
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ConformedRenditions.Where(c => c.Id == payload.ConformedId && c.TenantId == job.TenantId && c.Status == ConformStatus.Processing)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConformStatus.Failed).SetProperty(c => c.FailureReason, reason).SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    /// <summary>The conformed file as a media of its own, measured by the extractors processing uses.</summary>
    private async Task<MediaItem> AnalyseAsync(MediaItem media, string path, string mimeType, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject();
        foreach (var extractor in extractors.Where(e => e.CanHandle(mimeType)))
        {
            foreach (var (key, value) in await extractor.ExtractAsync(path, mimeType, cancellationToken))
            {
                metadata[key] = value?.DeepClone();
            }
        }

        return new MediaItem
        {
            Id = media.Id,
            TenantId = media.TenantId,
            Name = media.Name,
            Kind = media.Kind,
            MimeType = mimeType,
            Size = new FileInfo(path).Length,
            MetadataJson = MediaMetadata.Serialize(metadata),
        };
    }

    private async Task FailAsync(MediaVaultDbContext db, ConformedRendition row, string reason, CancellationToken cancellationToken)
    {
        row.Status = ConformStatus.Failed;
        row.FailureReason = reason;
        row.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Conformed media {MediaId} of tenant {TenantId} to {Profile} ({Size} bytes)")]
    private partial void LogConformed(Guid tenantId, string mediaId, string profile, long size);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conformed media {MediaId} of tenant {TenantId} still breaks {Profile}: {Rules}")]
    private partial void LogStillBroken(Guid tenantId, string mediaId, string profile, string rules);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conforming media {MediaId} of tenant {TenantId} to {Profile} failed in a tool")]
    private partial void LogToolFailed(Exception exception, Guid tenantId, string mediaId, string profile);
}
