using System.Diagnostics;
using MediaVault.Storage.S3;

namespace MediaVault.Storage.Tests.S3;

/// <summary>
/// The S3 server the S3 store tests run against: the one named by <c>MEDIAVAULT_TEST_S3_URL</c>,
/// <c>MEDIAVAULT_TEST_S3_BUCKET</c>, <c>MEDIAVAULT_TEST_S3_ACCESS_KEY</c> and <c>MEDIAVAULT_TEST_S3_SECRET_KEY</c> (any
/// S3-compatible bucket: AWS, Ceph, MinIO, R2…), else a private throwaway Ceph cluster with its RADOS Gateway on
/// loopback (scripts/ceph-test-cluster.sh), stopped afterwards.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(120);
    private static readonly string[] Names =
    [
        "MEDIAVAULT_TEST_S3_URL", "MEDIAVAULT_TEST_S3_BUCKET", "MEDIAVAULT_TEST_S3_ACCESS_KEY", "MEDIAVAULT_TEST_S3_SECRET_KEY",
        "MEDIAVAULT_TEST_S3_QUOTA_BUCKET", "MEDIAVAULT_TEST_S3_QUOTA_ACCESS_KEY", "MEDIAVAULT_TEST_S3_QUOTA_SECRET_KEY",
    ];
    private readonly List<string> _scriptOutput = [];
    private Process? _cluster;
    private (string Bucket, string AccessKey, string SecretKey)? _quota;

    public string ServiceUrl { get; private set; } = "";

    public string Bucket { get; private set; } = "";

    public string AccessKey { get; private set; } = "";

    public string SecretKey { get; private set; } = "";

    /// <summary>
    /// Options for a bucket whose owner's quota any upload over 1 MiB exceeds (<c>MEDIAVAULT_TEST_S3_QUOTA_BUCKET</c>,
    /// <c>_QUOTA_ACCESS_KEY</c>, <c>_QUOTA_SECRET_KEY</c>); null on a server without one.
    /// </summary>
    public S3StorageOptions? QuotaOptions(string prefix) => _quota is var (bucket, key, secret)
        ? new S3StorageOptions { ServiceUrl = ServiceUrl, Bucket = bucket, AccessKey = key, SecretKey = secret, Prefix = prefix }
        : null;

    /// <summary>Options for a store that keeps its objects under <paramref name="prefix"/>.</summary>
    public S3StorageOptions Options(string prefix) => new()
    {
        ServiceUrl = ServiceUrl,
        Bucket = Bucket,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        Prefix = prefix,
    };

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>();
        foreach (var name in Names)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                settings[name] = value;
            }
        }

        if (!settings.ContainsKey("MEDIAVAULT_TEST_S3_URL") || !settings.ContainsKey("MEDIAVAULT_TEST_S3_BUCKET"))
        {
            settings = await StartClusterAsync();
        }

        ServiceUrl = settings["MEDIAVAULT_TEST_S3_URL"];
        Bucket = settings["MEDIAVAULT_TEST_S3_BUCKET"];
        AccessKey = settings.GetValueOrDefault("MEDIAVAULT_TEST_S3_ACCESS_KEY", "");
        SecretKey = settings.GetValueOrDefault("MEDIAVAULT_TEST_S3_SECRET_KEY", "");
        if (settings.TryGetValue("MEDIAVAULT_TEST_S3_QUOTA_BUCKET", out var quotaBucket))
        {
            _quota = (quotaBucket, settings.GetValueOrDefault("MEDIAVAULT_TEST_S3_QUOTA_ACCESS_KEY", ""), settings.GetValueOrDefault("MEDIAVAULT_TEST_S3_QUOTA_SECRET_KEY", ""));
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is null)
        {
            return;
        }

        // Closing its standard input makes the script stop the processes it started and remove its folder.
        _cluster.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _cluster.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _cluster.Kill(entireProcessTree: true);
        }

        _cluster.Dispose();
    }

    /// <summary>Runs scripts/ceph-test-cluster.sh and reads the <c>export NAME=value</c> lines it prints up to <c># ready</c>.</summary>
    private async Task<Dictionary<string, string>> StartClusterAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ClusterScript());
        _cluster = Process.Start(start)!;
        _cluster.ErrorDataReceived += (_, e) => Remember(e.Data);
        _cluster.BeginErrorReadLine();
        var settings = new Dictionary<string, string>();
        using var patience = new CancellationTokenSource(StartupPatience);
        try
        {
            while (await _cluster.StandardOutput.ReadLineAsync(patience.Token) is { } line and not "# ready")
            {
                if (line.StartsWith("export ", StringComparison.Ordinal) && line[7..].Split('=', 2) is [var name, var value])
                {
                    settings[name] = value;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The Ceph test cluster did not start within {StartupPatience}: {ScriptOutput()}");
        }

        return settings.ContainsKey("MEDIAVAULT_TEST_S3_URL")
            ? settings
            : throw new InvalidOperationException($"The Ceph test cluster did not start: {ScriptOutput()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_scriptOutput)
        {
            _scriptOutput.Add(line);
            if (_scriptOutput.Count > 50)
            {
                _scriptOutput.RemoveAt(0);
            }
        }
    }

    private string ScriptOutput()
    {
        lock (_scriptOutput)
        {
            return string.Join('\n', _scriptOutput);
        }
    }

    private static string ClusterScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "scripts", "ceph-test-cluster.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException(
            "scripts/ceph-test-cluster.sh is missing; point MEDIAVAULT_TEST_S3_URL, MEDIAVAULT_TEST_S3_BUCKET, MEDIAVAULT_TEST_S3_ACCESS_KEY and MEDIAVAULT_TEST_S3_SECRET_KEY at an S3 bucket.");
    }
}
