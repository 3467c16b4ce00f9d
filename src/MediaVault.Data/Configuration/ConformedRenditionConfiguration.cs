using MediaVault.Core.Compatibility;
using MediaVault.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class ConformedRenditionConfiguration : IEntityTypeConfiguration<ConformedRendition>
{
    public void Configure(EntityTypeBuilder<ConformedRendition> builder)
    {
        builder.ToTable("ConformedRenditions");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.MediaId).HasMaxLength(64);
        builder.Property(c => c.Network).HasMaxLength(64);
        builder.Property(c => c.Placement).HasMaxLength(64);
        builder.Property(c => c.Profile).HasMaxLength(64);
        builder.Property(c => c.Fit).HasMaxLength(8);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RenditionName).HasMaxLength(100);
        builder.Property(c => c.MimeType).HasMaxLength(200);
        builder.Property(c => c.FailureReason).HasMaxLength(2000);
        builder.HasOne<MediaItem>().WithMany().HasForeignKey(c => c.MediaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.MediaId, c.Profile }).IsUnique();
    }
}
