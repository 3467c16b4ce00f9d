using System.Security.Cryptography;
using System.Text;
using MediaVault.Server.Hosting;
using Microsoft.Extensions.Options;

namespace MediaVault.Server.Api.Uploads.Tus;

/// <summary>
/// Who holds an upload's lock: <c>{instance}.{run}.{request}</c>. The instance part is stable across restarts, the run
/// part is new each time the process starts, so a lock of this instance from another run was left by a process that
/// is gone and may be taken over at once. The instance is the job queue's (<see cref="JobInstance"/>: configured, or
/// kept in the data folder under a file lock, so two live processes on one data folder never share it) unless
/// <c>Tus:InstanceId</c> names another.
/// </summary>
public sealed class TusInstance
{
    private const int PartLength = 16;

    public TusInstance(IOptions<TusOptions> options, JobInstance jobs)
    {
        var identity = options.Value.InstanceId is { Length: > 0 } configured ? configured : jobs.InstanceId;
        InstancePrefix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..PartLength] + ".";
        RunPrefix = InstancePrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PartLength / 2)) + ".";
    }

    /// <summary>Every lock this instance ever took starts with this, whichever run took it.</summary>
    public string InstancePrefix { get; }

    /// <summary>Locks taken by this very process start with this.</summary>
    public string RunPrefix { get; }

    /// <summary>A fresh owner for one request (58 characters; the column holds 64).</summary>
    public string NewOwner() => RunPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
