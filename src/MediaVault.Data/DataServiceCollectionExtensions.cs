using MediaVault.Data.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Data;

public static class DataServiceCollectionExtensions
{
    public const string PostgresMigrationsAssembly = "MediaVault.Data.Postgres";

    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// Registers the DbContext (scoped), its factory (for workers), the migrator and the job store, on SQLite or
    /// PostgreSQL (whose migrations live in the MediaVault.Data.Postgres assembly).
    /// </summary>
    public static IServiceCollection AddMediaVaultData(this IServiceCollection services, string provider, string connectionString)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var postgres = new DatabaseOptions { Provider = provider }.IsPostgres;
        // Pooled: a request reuses a context instead of building one (and its internal services) from scratch.
        services.AddPooledDbContextFactory<MediaVaultDbContext>((container, options) =>
        {
            if (postgres)
            {
                options.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly));
            }
            else
            {
                // The server registers a checkpointer (and runs it); the command line keeps SQLite's automatic checkpoint.
                var background = container.GetService<SqliteWalCheckpointer>() is not null;
                options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor(background));
            }
        });
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<JobStore>();
        return services;
    }

    /// <summary>
    /// Unless the connection string sets <c>Max Auto Prepare</c>, Npgsql prepares a statement once it has run five
    /// times on a pooled connection and keeps at most
    /// <see cref="MaxAutoPrepare"/> per connection (least recently used go first): the list's and the workers' few
    /// texts are then parsed and planned once per connection instead of on every request. Every query names its
    /// columns, so adding columns in a later migration does not invalidate them.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // An explicit "Max Auto Prepare=0" (e.g. behind PgBouncer in transaction mode) is kept: only an absent key counts.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = MaxAutoPrepare };
        return builder.ConnectionString;
    }
}
