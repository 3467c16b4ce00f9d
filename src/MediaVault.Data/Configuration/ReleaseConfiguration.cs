using MediaVault.Core.Releases;
using MediaVault.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.Property(r => r.DisplayArtist).HasMaxLength(500);
        builder.Property(r => r.Format).HasMaxLength(50);
        builder.Property(r => r.Type).HasMaxLength(50);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Tracks).WithOne().HasForeignKey(t => t.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt, r.Id });
    }
}
