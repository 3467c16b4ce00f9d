using MediaVault.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Key).HasMaxLength(200);
        builder.HasIndex(t => t.Key).IsUnique();
        builder.Property(t => t.RequiredReleaseProfile).HasMaxLength(100);
    }
}
