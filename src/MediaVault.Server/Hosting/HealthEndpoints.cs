using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaVault.Server.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database and storage usable).</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddMediaVaultHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return routes;
    }

    private sealed class DatabaseHealthCheck(MediaVaultDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Database unreachable");
    }

    private sealed class StorageHealthCheck(IBlobStore store) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Directory.Exists(store.StagingDirectory) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Storage staging folder missing"));
    }
}
