using MediaVault.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class MediaTagConfiguration : IEntityTypeConfiguration<MediaTag>
{
    public void Configure(EntityTypeBuilder<MediaTag> builder)
    {
        builder.ToTable("MediaTags");
        builder.HasKey(t => new { t.MediaId, t.Key });
        builder.Property(t => t.MediaId).HasMaxLength(64);
        builder.Property(t => t.Tag).HasMaxLength(64);
        builder.Property(t => t.Key).HasMaxLength(64);
        builder.Property(t => t.SearchKey).HasMaxLength(64);
        builder.HasIndex(t => new { t.TenantId, t.Key });
    }
}
