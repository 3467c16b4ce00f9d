using System.Security.Cryptography;
using System.Text;

namespace MediaVault.Server.Hosting;

/// <summary>
/// Who this process is to the job queue: a stable <see cref="InstanceId"/> (configured, or kept in the data folder)
/// and a lease <see cref="Owner"/> unique to this run. The id file stays locked while the process runs, so a second
/// process on the same data folder cannot take the same id (it gets a fresh one, and never reclaims the first one's
/// jobs); a killed process's lock goes with it.
/// </summary>
public sealed partial class JobInstance : IDisposable
{
    private const string FileName = "jobs-instance-id";
    private readonly FileStream? _lock;

    private JobInstance(string instanceId, FileStream? held)
    {
        InstanceId = instanceId;
        Owner = $"{instanceId}/{Guid.NewGuid():N}";
        _lock = held;
    }

    public string InstanceId { get; }

    /// <summary>The lease owner of this run: <c>{InstanceId}/{random}</c>.</summary>
    public string Owner { get; }

    /// <summary>The configured id, else the one kept in <paramref name="dataPath"/> (made on first use).</summary>
    public static JobInstance Create(string configuredId, string dataPath, ILogger<JobInstance> logger)
    {
        if (configuredId.Length > 0)
        {
            return new JobInstance(configuredId, null);
        }

        var path = Path.Combine(dataPath, FileName);
        FileStream file;
        try
        {
            // FileShare.None takes an exclusive lock (flock on Unix) for as long as the stream is open.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            var ephemeral = NewId();
            LogIdInUse(logger, ex, path, ephemeral);
            return new JobInstance(ephemeral, null);
        }

        using (var reader = new StreamReader(file, Encoding.UTF8, leaveOpen: true))
        {
            var stored = reader.ReadToEnd().Trim();
            if (stored.Length > 0)
            {
                return new JobInstance(stored, file);
            }
        }

        var id = NewId();
        file.SetLength(0);
        file.Write(Encoding.UTF8.GetBytes(id));
        file.Flush(flushToDisk: true);
        return new JobInstance(id, file);
    }

    public void Dispose() => _lock?.Dispose();

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} is held by another process on the same data folder; this run uses the instance id {InstanceId}, and jobs it leaves behind wait for their lease to run out")]
    private static partial void LogIdInUse(ILogger logger, Exception exception, string path, string instanceId);
}
