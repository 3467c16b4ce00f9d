using MediaVault.Core.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Title).HasMaxLength(500);
        builder.Property(t => t.Isrc).HasMaxLength(20);
        builder.Property(t => t.Iswc).HasMaxLength(20);
        builder.HasIndex(t => new { t.TenantId, t.ReleaseId, t.TrackNumber });
    }
}
