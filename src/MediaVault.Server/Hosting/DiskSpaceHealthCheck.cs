using System.Globalization;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Unhealthy while the filesystem that stages uploads (and, on the embedded default, holds the blobs and the database)
/// has less free space than <see cref="DiskSpaceOptions.MinFreeBytes"/>; the free bytes are in the description and data.
/// </summary>
public sealed class DiskSpaceHealthCheck(IStagingArea staging, IOptions<DiskSpaceOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var floor = options.Value.MinFreeBytes;
        if (floor == 0 || !Directory.Exists(staging.Folder))
        {
            return Task.FromResult(HealthCheckResult.Healthy());
        }

        var free = new DriveInfo(staging.Folder).AvailableFreeSpace;
        var data = new Dictionary<string, object> { ["freeBytes"] = free, ["minFreeBytes"] = floor };
        var text = free.ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(free < floor
            ? HealthCheckResult.Unhealthy($"Low disk space: {text} bytes free, below the floor of {floor.ToString(CultureInfo.InvariantCulture)} (Health:DiskSpace:MinFreeBytes); uploads answer 507 once it runs out", data: data)
            : HealthCheckResult.Healthy($"{text} bytes free", data));
    }
}
