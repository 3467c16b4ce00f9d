using MediaVault.Core.Catalog;
using MediaVault.Core.Compatibility;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Releases;
using MediaVault.Core.Tenants;
using MediaVault.Core.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MediaVault.Data;

/// <summary>
/// The one database. Every tenant-owned table carries <c>TenantId</c>; queries always filter by it explicitly.
/// Only portable column types are used (text, integers, reals, timestamps) so the schema maps to PostgreSQL too.
/// </summary>
public sealed class MediaVaultDbContext : DbContext
{
    public MediaVaultDbContext(DbContextOptions<MediaVaultDbContext> options)
        : base(options)
    {
        // The search and sort columns derive from a media's own fields; recomputing them on every write keeps them true
        // whichever code path changed the media.
        SavingChanges += (_, _) =>
        {
            foreach (var entry in ChangeTracker.Entries<MediaItem>())
            {
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    MediaSearchText.Fill(entry.Entity);
                }
            }
        };
    }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<MediaItem> Media => Set<MediaItem>();

    public DbSet<MediaRendition> Renditions => Set<MediaRendition>();

    public DbSet<MediaUsage> Usages => Set<MediaUsage>();

    public DbSet<MediaTag> MediaTags => Set<MediaTag>();

    public DbSet<Release> Releases => Set<Release>();

    public DbSet<Track> Tracks => Set<Track>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Variant> Variants => Set<Variant>();

    public DbSet<TusUpload> Uploads => Set<TusUpload>();

    public DbSet<MediaFingerprint> Fingerprints => Set<MediaFingerprint>();

    public DbSet<ConformedRendition> ConformedRenditions => Set<ConformedRendition>();

    public DbSet<TenantChangeCounter> TenantChanges => Set<TenantChangeCounter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MediaVaultDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are UTC everywhere; SQLite hands them back unspecified, so mark them on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
