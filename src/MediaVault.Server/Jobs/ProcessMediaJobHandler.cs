using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Processes a stored original: every extractor that handles its type fills the metadata, every generator that
/// handles it makes renditions (stored beside the original, in the same area), then the media is ready; costlier
/// renditions follow in a <see cref="JobKinds.RenderPreviews"/> job queued in the same transaction.
/// Re-running it replaces the renditions it made before, so a retry after a crash is safe.
/// </summary>
public sealed partial class ProcessMediaJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    WorkDirectories workDirectories,
    LocalCopies copies,
    IEnumerable<IMetadataExtractor> extractors,
    IEnumerable<IRenditionGenerator> generators,
    IEnumerable<IDeferredRenditionGenerator> deferredGenerators,
    RenditionWriter renditions,
    JobStore jobs,
    IOptions<ProcessingOptions> options,
    TimeProvider clock,
    ILogger<ProcessMediaJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.ProcessMedia;

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Media.SingleOrDefaultAsync(m => m.Id == payload.MediaId && m.TenantId == job.TenantId, cancellationToken);
        if (media is null || media.IsLink || media.MimeType is null || media.State is MediaState.Ready or MediaState.Failed or MediaState.Pending)
        {
            return;
        }

        media.State = MediaState.Processing;
        media.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken);

        var workDirectory = workDirectories.Rent();
        try
        {
            await using var local = await copies.OpenAsync(BlobKey.Original(media.Area, media.TenantId, media.Id), cancellationToken);
            var (metadata, files) = await GenerateAsync(media, local.Path, workDirectory, cancellationToken);
            await SaveAsync(db, job, media, metadata, files, cancellationToken);
        }
        finally
        {
            workDirectories.Return(workDirectory);
        }
    }

    public async Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now;
        var code = MediaFailures.Of(failure);
        var reason = MediaFailures.Sentence(code);
        var wireCode = MediaFailures.Code(code);
        await db.Media.Where(m => m.Id == payload.MediaId && m.TenantId == job.TenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MediaState.Failed)
                .SetProperty(m => m.FailureReason, reason)
                .SetProperty(m => m.FailureCode, wireCode)
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);
        LogFailed(failure, job.TenantId, payload.MediaId, wireCode, failure.Message);
    }

    /// <summary>
    /// Extracts the metadata while the generators that do not read it (<see cref="IRenditionGenerator.UsesMetadata"/>)
    /// already run, each on a thread of its own (an MP3's waveform decode overlaps its ffprobe), then runs the others
    /// while those early runs go on (its cover picture is extracted during the decode). When extraction fails
    /// (unreadable, too long), the early runs are cancelled and awaited, and extraction's exception is the job's; an
    /// early run's failure comes before a later generator's, as when they ran one after the other. The files are listed
    /// early runs first.
    /// </summary>
    private async Task<(JsonObject Metadata, List<RenditionFile> Files)> GenerateAsync(
        MediaItem media, string path, string workDirectory, CancellationToken cancellationToken)
    {
        var sniffed = media.MimeType!;
        using var stopEarly = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var early = EarlyRenditions.Start(generators.Where(g => !g.UsesMetadata && g.CanHandle(sniffed)), new RenditionSource(path, sniffed, []), workDirectory, stopEarly.Token);
        JsonObject metadata;
        try
        {
            metadata = await ExtractAsync(path, sniffed, cancellationToken);
            RefineKind(media, metadata);
        }
        catch (Exception)
        {
            await early.StopAsync(stopEarly);
            throw;
        }

        if (media.MimeType != sniffed)
        {
            // Their outcome counts only if the type stays as sniffed: a decode with the wrong demuxer (FLAC behind an ID3
            // tag read as MP3) may fail, and is made again from the refined type.
            await early.StopAsync(stopEarly);
            early = EarlyRenditions.None;
        }

        var source = new RenditionSource(path, media.MimeType!, metadata);
        var rest = generators.Where(g => g.CanHandle(source.MimeType) && !early.Generators.Contains(g)).ToList();
        using var stopRest = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var restRun = Task.Run(() => GenerateEachAsync(rest, source, workDirectory, stopRest.Token), stopRest.Token);
        var files = new List<RenditionFile>();
        try
        {
            foreach (var run in early.Runs)
            {
                files.AddRange(await run);
            }
        }
        catch (Exception)
        {
            await early.StopAsync(stopEarly);
            await stopRest.CancelAsync();
            await ((Task)restRun).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        files.AddRange(await restRun);
        return (metadata, files);
    }

    private static async Task<List<RenditionFile>> GenerateEachAsync(
        List<IRenditionGenerator> each, RenditionSource source, string workDirectory, CancellationToken cancellationToken)
    {
        var files = new List<RenditionFile>();
        foreach (var generator in each)
        {
            files.AddRange(await generator.GenerateAsync(source, workDirectory, cancellationToken));
        }

        return files;
    }

    private async Task<JsonObject> ExtractAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        var metadata = new JsonObject();
        foreach (var extractor in extractors.Where(e => e.CanHandle(mimeType)))
        {
            foreach (var (key, value) in await extractor.ExtractAsync(path, mimeType, cancellationToken))
            {
                metadata[key] = value?.DeepClone();
            }
        }

        if (metadata[MetadataKeys.Duration]?.GetValue<double>() is { } duration && duration > options.Value.MaxDurationSeconds)
        {
            throw new MediaUnreadableException(MediaFailureCode.TooLong, $"Duration {duration:0.#} s is longer than the {options.Value.MaxDurationSeconds:0} s allowed");
        }

        return metadata;
    }

    /// <summary>
    /// ffprobe knows better than the leading bytes: a container the sniffer called video (MP4, WebM) that holds only
    /// audio is audio, and FLAC behind a large ID3 tag is FLAC.
    /// </summary>
    private static void RefineKind(MediaItem media, JsonObject metadata)
    {
        if (media.MimeType == "audio/mpeg" && metadata[MetadataKeys.Container]?.GetValue<string>() == "flac")
        {
            media.MimeType = "audio/flac";
        }

        if (media.Kind == MediaKind.Video && metadata[MetadataKeys.VideoCodec] is null && metadata[MetadataKeys.Codec] is not null)
        {
            media.Kind = MediaKind.Audio;
            media.MimeType = "audio/" + media.MimeType!["video/".Length..];
        }
    }

    /// <summary>
    /// Stores the renditions, then in one transaction: their rows, the follow-up jobs, the media ready and this job
    /// completed (a crash before the commit leaves the job to run again; after it, nothing is left to do). When the
    /// lease was lost meanwhile, nothing is committed: the worker that holds the job now records its own run.
    /// </summary>
    private async Task SaveAsync(MediaVaultDbContext db, Job job, MediaItem media, JsonObject metadata, List<RenditionFile> files, CancellationToken cancellationToken)
    {
        var (area, sizes) = await renditions.StoreAsync(db, media, files, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await renditions.RecordAsync(db, media, files, sizes, cancellationToken);
        var now = Now;
        if (deferredGenerators.Any(g => g.CanHandle(media.MimeType!)))
        {
            db.Jobs.Add(Job.Create(JobKinds.RenderPreviews, media.TenantId, new MediaJobPayload(media.Id), now));
        }

        if (AnalyzeMediaJobHandler.Applies(media) && await IsOnReleaseAsync(db, media, cancellationToken))
        {
            db.Jobs.Add(Job.Create(JobKinds.AnalyzeMedia, media.TenantId, new MediaJobPayload(media.Id), now));
        }

        MediaMetadata.Merge(media, metadata);
        media.Area = area;
        media.State = MediaState.Ready;
        media.FailureReason = null;
        media.FailureCode = null;
        media.ProcessedAt = now;
        media.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        if (!await jobs.CompleteWithinAsync(db, job, cancellationToken))
        {
            // The lease ran out and another worker runs this job now: its run records the result, this one rolls back.
            return;
        }

        await transaction.CommitAsync(cancellationToken);
        await renditions.SettleAsync(db, media, area, files.Select(f => f.Name), cancellationToken);
        LogProcessed(media.TenantId, media.Id, media.MimeType, files.Count);
    }

    private static Task<bool> IsOnReleaseAsync(MediaVaultDbContext db, MediaItem media, CancellationToken cancellationToken) =>
        db.Usages.AnyAsync(u => u.MediaId == media.Id && u.TenantId == media.TenantId
            && (u.OwnerKind == UsageOwners.Release || u.OwnerKind == UsageOwners.Track), cancellationToken);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed media {MediaId} of tenant {TenantId} ({MimeType}, {RenditionCount} renditions)")]
    private partial void LogProcessed(Guid tenantId, string mediaId, string? mimeType, int renditionCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media {MediaId} of tenant {TenantId} failed processing ({FailureCode}): {Detail}")]
    private partial void LogFailed(Exception exception, Guid? tenantId, string mediaId, string failureCode, string detail);
}
