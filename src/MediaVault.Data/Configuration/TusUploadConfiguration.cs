using MediaVault.Core.Tenants;
using MediaVault.Core.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class TusUploadConfiguration : IEntityTypeConfiguration<TusUpload>
{
    public void Configure(EntityTypeBuilder<TusUpload> builder)
    {
        builder.ToTable("Uploads");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(64);
        builder.Property(u => u.Metadata).HasMaxLength(8000);
        builder.Property(u => u.LockOwner).HasMaxLength(64);
        builder.Property(u => u.MediaId).HasMaxLength(64);
        builder.Property(u => u.Error).HasMaxLength(2000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
