using MediaVault.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Data;

public static class DataServiceCollectionExtensions
{
    public const string PostgresMigrationsAssembly = "MediaVault.Data.Postgres";

    /// <summary>
    /// Registers the DbContext (scoped), its factory (for workers), the migrator and the job store, on SQLite or
    /// PostgreSQL (whose migrations live in the MediaVault.Data.Postgres assembly).
    /// </summary>
    public static IServiceCollection AddMediaVaultData(this IServiceCollection services, string provider, string connectionString)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var postgres = new DatabaseOptions { Provider = provider }.IsPostgres;
        // Pooled: a request reuses a context instead of building one (and its internal services) from scratch.
        services.AddPooledDbContextFactory<MediaVaultDbContext>(options =>
        {
            if (postgres)
            {
                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
            }
            else
            {
                options.UseSqlite(connectionString).AddInterceptors(new SqliteSynchronousInterceptor());
            }
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<JobStore>();
        return services;
    }
}
