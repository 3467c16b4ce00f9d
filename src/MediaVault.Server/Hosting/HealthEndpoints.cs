using MediaVault.Core.Storage;
using MediaVault.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaVault.Server.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database and storage usable, enough disk space free).</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddMediaVaultHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<StorageHealthCheck>("storage", tags: ["ready"])
            .AddCheck<DiskSpaceHealthCheck>("disk-space", tags: ["ready"]);
        services.AddOptions<DiskSpaceOptions>().BindConfiguration(DiskSpaceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteReadyAsync });
        return routes;
    }

    /// <summary>The overall status as before ("Healthy"), then one line per check that is not healthy saying why.</summary>
    private static Task WriteReadyAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"\n{e.Key}: {e.Value.Description}");
        return context.Response.WriteAsync(report.Status + string.Concat(lines), context.RequestAborted);
    }

    private sealed class DatabaseHealthCheck(MediaVaultDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Database unreachable");
    }

    private sealed class StorageHealthCheck(IStagingArea staging) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Directory.Exists(staging.Folder) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Storage staging folder missing"));
    }
}
