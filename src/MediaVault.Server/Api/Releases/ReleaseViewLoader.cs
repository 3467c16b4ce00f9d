using MediaVault.Core.Media;
using MediaVault.Core.Releases;
using MediaVault.Data;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Releases;

/// <summary>Loads a release with its tracks and media into its full view.</summary>
public sealed class ReleaseViewLoader(MediaVaultDbContext db, ReleaseMediaService media, ReleaseViews views)
{
    public async Task<ReleaseView> LoadAsync(HttpRequest request, Release release, CancellationToken cancellationToken)
    {
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.ReleaseId == release.Id && t.TenantId == release.TenantId)
            .OrderBy(t => t.TrackNumber).ThenBy(t => t.CreatedAt)
            .ToListAsync(cancellationToken);
        var attached = await media.ListAsync(release, cancellationToken);
        var releaseMedia = attached.Where(x => x.Usage.OwnerKind == UsageOwners.Release)
            .Select(x => views.Media(request, x.Media, UsageOwners.Release)).ToList();
        var trackViews = tracks.Select(t => ReleaseViews.Track(t, TrackMedia(request, attached, t.Id))).ToList();
        return ReleaseViews.Release(release, trackViews, releaseMedia);
    }

    public async Task<List<TrackView>> LoadTracksAsync(HttpRequest request, Release release, CancellationToken cancellationToken) =>
        (await LoadAsync(request, release, cancellationToken)).Tracks!.ToList();

    private List<ReleaseMediaView> TrackMedia(HttpRequest request, List<(MediaItem Media, MediaUsage Usage)> attached, Guid trackId) =>
        attached.Where(x => x.Usage.OwnerKind == UsageOwners.Track && x.Usage.OwnerId == trackId)
            .Select(x => views.Media(request, x.Media, UsageOwners.Track)).ToList();
}
