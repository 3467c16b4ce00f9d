using MediaVault.Core.Media;
using MediaVault.Core.Releases;

namespace MediaVault.Data;

/// <summary>Queries about releases that both the API and the jobs ask.</summary>
public static class ReleaseQueries
{
    /// <summary>Ids of the media attached to the release itself or to any of its tracks.</summary>
    public static IQueryable<string> ReleaseMediaIds(this MediaVaultDbContext db, Release release) =>
        db.Usages.Where(u => u.TenantId == release.TenantId
                && ((u.OwnerKind == UsageOwners.Release && u.OwnerId == release.Id)
                    || (u.OwnerKind == UsageOwners.Track && u.ParentId == release.Id)))
            .Select(u => u.MediaId);
}
