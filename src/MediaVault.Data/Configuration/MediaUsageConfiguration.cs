using MediaVault.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class MediaUsageConfiguration : IEntityTypeConfiguration<MediaUsage>
{
    public void Configure(EntityTypeBuilder<MediaUsage> builder)
    {
        builder.ToTable("Usages");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.MediaId).HasMaxLength(64);
        builder.Property(u => u.OwnerKind).HasMaxLength(32);
        builder.HasIndex(u => new { u.TenantId, u.OwnerKind, u.OwnerId });
        builder.HasIndex(u => new { u.TenantId, u.OwnerKind, u.ParentId });
    }
}
