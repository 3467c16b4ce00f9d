using MediaVault.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class MediaRenditionConfiguration : IEntityTypeConfiguration<MediaRendition>
{
    public void Configure(EntityTypeBuilder<MediaRendition> builder)
    {
        builder.ToTable("Renditions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.MediaId).HasMaxLength(64);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.MimeType).HasMaxLength(200);
        builder.HasIndex(r => new { r.MediaId, r.Name }).IsUnique();
    }
}
