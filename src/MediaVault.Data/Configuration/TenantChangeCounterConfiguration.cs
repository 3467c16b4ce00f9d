using MediaVault.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Data.Configuration;

internal sealed class TenantChangeCounterConfiguration : IEntityTypeConfiguration<TenantChangeCounter>
{
    public void Configure(EntityTypeBuilder<TenantChangeCounter> builder)
    {
        builder.ToTable("TenantChanges");
        builder.HasKey(c => c.TenantId);
        builder.Property(c => c.TenantId).ValueGeneratedNever();
    }
}
