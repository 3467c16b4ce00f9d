using System.Text.Json.Nodes;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Jobs;

/// <summary>
/// Measures a ready release audio or image for delivery profiles (<see cref="IMediaAnalyzer"/>s, and a Chromaprint
/// fingerprint for audio) and writes the results into its metadata with <see cref="AnalysisKeys.AnalyzedAt"/>. The media
/// stays ready whatever happens here: a file that cannot be measured gets <see cref="AnalysisKeys.AnalysisFailure"/>.
/// Running it again replaces what it wrote, so a retry after a crash is safe.
/// </summary>
public sealed partial class AnalyzeMediaJobHandler(
    IDbContextFactory<MediaVaultDbContext> dbFactory,
    LocalCopies copies,
    IEnumerable<IMediaAnalyzer> analyzers,
    IEnumerable<IAudioFingerprinter> fingerprinters,
    TimeProvider clock,
    ILogger<AnalyzeMediaJobHandler> logger) : IJobHandler
{
    public string Kind => JobKinds.AnalyzeMedia;

    /// <summary>Whether a media is one the analysis measures.</summary>
    public static bool Applies(MediaItem media) => media is { IsLink: false, Kind: MediaKind.Audio or MediaKind.Image };

    public async Task RunAsync(Job job, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == payload.MediaId && m.TenantId == job.TenantId, cancellationToken);
        if (media is not { State: MediaState.Ready, MimeType: { } mimeType } || !Applies(media))
        {
            return;
        }

        JsonObject results;
        AudioFingerprint? fingerprint;
        await using (var local = await copies.OpenAsync(BlobKey.Original(media.Area, media.TenantId, media.Id), cancellationToken))
        {
            // fpcalc decodes the file on its own: it runs beside the loudness decode rather than after it.
            var source = new RenditionSource(local.Path, mimeType, MediaMetadata.Parse(media.MetadataJson));
            var measuring = MeasureAsync(source, cancellationToken);
            var fingerprinting = FingerprintAsync(local.Path, mimeType, cancellationToken);
            await Task.WhenAll(measuring, fingerprinting);
            (results, fingerprint) = (await measuring, await fingerprinting);
        }

        await SaveAsync(db, media, results, fingerprint, cancellationToken);
    }

    private async Task<JsonObject> MeasureAsync(RenditionSource source, CancellationToken cancellationToken)
    {
        var results = new JsonObject();
        foreach (var analyzer in analyzers.Where(a => a.CanHandle(source.MimeType)))
        {
            foreach (var (key, value) in await analyzer.AnalyzeAsync(source, cancellationToken))
            {
                results[key] = value?.DeepClone();
            }
        }

        return results;
    }

    private async Task<AudioFingerprint?> FingerprintAsync(string path, string mimeType, CancellationToken cancellationToken)
    {
        AudioFingerprint? fingerprint = null;
        foreach (var fingerprinter in fingerprinters.Where(f => f.CanHandle(mimeType)))
        {
            fingerprint = await fingerprinter.FingerprintAsync(path, mimeType, cancellationToken);
        }

        return fingerprint;
    }

    public async Task GiveUpAsync(Job job, Exception failure, CancellationToken cancellationToken)
    {
        var payload = job.ReadPayload<MediaJobPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var media = await db.Media.SingleOrDefaultAsync(m => m.Id == payload.MediaId && m.TenantId == job.TenantId, cancellationToken);
        if (media is null)
        {
            return;
        }

        var reason = MediaFailures.Sentence(MediaFailures.Of(failure));
        MediaMetadata.Merge(media, new JsonObject { [AnalysisKeys.AnalysisFailure] = reason });
        media.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        LogFailed(failure, media.TenantId, media.Id, failure.Message);
    }

    private async Task SaveAsync(MediaVaultDbContext db, MediaItem measured, JsonObject results, AudioFingerprint? fingerprint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var media = await db.Media.SingleOrDefaultAsync(m => m.Id == measured.Id && m.TenantId == measured.TenantId, cancellationToken);
        if (media is null || media.Sha256 != measured.Sha256)
        {
            // Deleted or replaced while it was measured: these figures describe nothing that exists.
            return;
        }

        results[AnalysisKeys.AnalyzedAt] = now;
        var metadata = MediaMetadata.Parse(media.MetadataJson);
        metadata.Remove(AnalysisKeys.AnalysisFailure);
        media.MetadataJson = MediaMetadata.Serialize(metadata);
        MediaMetadata.Merge(media, results);
        media.UpdatedAt = now;

        var stored = await db.Fingerprints.SingleOrDefaultAsync(f => f.MediaId == media.Id, cancellationToken);
        if (fingerprint is null && stored is not null)
        {
            db.Fingerprints.Remove(stored);
        }
        else if (fingerprint is not null)
        {
            stored ??= db.Fingerprints.Add(new MediaFingerprint { MediaId = media.Id, TenantId = media.TenantId, Points = [] }).Entity;
            stored.Points = FingerprintPoints.ToBytes(fingerprint.Points);
            stored.DurationSeconds = fingerprint.DurationSeconds;
            stored.CreatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        LogAnalyzed(media.TenantId, media.Id, results.Count, fingerprint?.Points.Count ?? 0);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analyzed media {MediaId} of tenant {TenantId} ({Count} measures, {Points} fingerprint points)")]
    private partial void LogAnalyzed(Guid tenantId, string mediaId, int count, int points);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media {MediaId} of tenant {TenantId} could not be analyzed: {Detail}")]
    private partial void LogFailed(Exception exception, Guid tenantId, string mediaId, string detail);
}
