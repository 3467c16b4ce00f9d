using MediaVault.Core.Media;
using MediaVault.Data;
using MediaVault.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Api.Session;

/// <summary>One media with its renditions and usages, for the web page's detail view.</summary>
public sealed class MediaDetailLoader(MediaVaultDbContext db, TenantResolver tenants)
{
    /// <summary>Null when the tenant is unknown, the id is malformed or the media is not the tenant's.</summary>
    public async Task<MediaItem?> FindAsync(string tenantKey, string mediaId, CancellationToken cancellationToken)
    {
        var tenantId = await tenants.ResolveAsync(tenantKey, cancellationToken);
        return tenantId is null || !MediaId.IsWellFormed(mediaId)
            ? null
            : await db.Media.AsNoTracking().AsSplitQuery().Include(m => m.Renditions).Include(m => m.Usages)
                .SingleOrDefaultAsync(m => m.Id == mediaId && m.TenantId == tenantId, cancellationToken);
    }
}
