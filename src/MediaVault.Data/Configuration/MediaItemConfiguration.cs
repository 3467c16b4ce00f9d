using MediaVault.Core.Media;
using MediaVault.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("Media");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(64);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Area).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Name).HasMaxLength(300);
        builder.Property(m => m.LinkUrl).HasMaxLength(2048);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.MimeType).HasMaxLength(200);
        builder.Property(m => m.FailureReason).HasMaxLength(2000);
        builder.Property(m => m.FailureCode).HasMaxLength(32);
        builder.Property(m => m.AltText).HasMaxLength(1000);
        builder.Property(m => m.Description).HasMaxLength(5000);
        builder.Property(m => m.NameKey).HasMaxLength(300);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TenantId, m.CreatedAt, m.Id });
        builder.HasIndex(m => new { m.TenantId, m.NameKey, m.Id });
        builder.HasIndex(m => new { m.TenantId, m.SizeKey, m.Id });
        builder.HasIndex(m => new { m.TenantId, m.DurationKey, m.Id });
        builder.HasMany(m => m.Tags).WithOne().HasForeignKey(t => t.MediaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Renditions).WithOne().HasForeignKey(r => r.MediaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Usages).WithOne().HasForeignKey(u => u.MediaId).OnDelete(DeleteBehavior.Cascade);
    }
}
