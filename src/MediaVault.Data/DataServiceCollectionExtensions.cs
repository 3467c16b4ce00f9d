using MediaVault.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the DbContext (scoped), its factory (for workers), the migrator and the job store.</summary>
    public static IServiceCollection AddMediaVaultData(this IServiceCollection services, string connectionString)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<MediaVaultDbContext>(options => options.UseSqlite(connectionString));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<JobStore>();
        return services;
    }
}
