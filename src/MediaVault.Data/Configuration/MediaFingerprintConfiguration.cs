using MediaVault.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class MediaFingerprintConfiguration : IEntityTypeConfiguration<MediaFingerprint>
{
    public void Configure(EntityTypeBuilder<MediaFingerprint> builder)
    {
        builder.ToTable("Fingerprints");
        builder.HasKey(f => f.MediaId);
        builder.Property(f => f.MediaId).HasMaxLength(64);
        builder.HasIndex(f => f.TenantId);
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(f => f.MediaId).OnDelete(DeleteBehavior.Cascade);
    }
}
