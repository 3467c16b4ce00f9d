using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MediaVault.Storage.S3;

namespace MediaVault.Storage.Tests.S3;

/// <summary>
/// The S3 server the S3 store tests run against: the one named by <c>MEDIAVAULT_TEST_S3_URL</c> and
/// <c>MEDIAVAULT_TEST_S3_BUCKET</c> (keys in <c>MEDIAVAULT_TEST_S3_ACCESS_KEY</c>/<c>_SECRET_KEY</c>, default s3rver's),
/// else a private s3rver (tests/s3-server/server.js) on a free loopback port with a temporary data folder, stopped afterwards.
/// </summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    private const string S3rverKey = "S3RVER";
    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(30);
    private readonly List<string> _serverOutput = [];
    private Process? _server;
    private string? _dataDirectory;

    public string ServiceUrl { get; private set; } = "";

    public string Bucket { get; private set; } = "";

    public string AccessKey { get; private set; } = S3rverKey;

    public string SecretKey { get; private set; } = S3rverKey;

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
        if (Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_URL") is { Length: > 0 } url
            && Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_BUCKET") is { Length: > 0 } bucket)
        {
            ServiceUrl = url;
            Bucket = bucket;
            AccessKey = Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_ACCESS_KEY") is { Length: > 0 } key ? key : S3rverKey;
            SecretKey = Environment.GetEnvironmentVariable("MEDIAVAULT_TEST_S3_SECRET_KEY") is { Length: > 0 } secret ? secret : S3rverKey;
            return;
        }

        var port = FreePort();
        _dataDirectory = Path.Combine(Path.GetTempPath(), "mediavault-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dataDirectory);
        Bucket = "mediavault-tests";
        ServiceUrl = $"http://127.0.0.1:{port}";
        _server = StartServer(port);
        await WaitUntilAnsweringAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync();
            }

            _server.Dispose();
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private Process StartServer(int port)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            ServerScript(), "--directory", _dataDirectory!, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--address", "127.0.0.1", "--configure-bucket", Bucket, "--silent",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartupPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {_server.ExitCode}: {ServerOutput()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(ServiceUrl + "/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"s3rver did not answer on {ServiceUrl} within {StartupPatience}: {ServerOutput()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_serverOutput)
        {
            _serverOutput.Add(line);
            if (_serverOutput.Count > 50)
            {
                _serverOutput.RemoveAt(0);
            }
        }
    }

    private string ServerOutput()
    {
        lock (_serverOutput)
        {
            return string.Join('\n', _serverOutput);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ServerScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var folder = Path.Combine(directory.FullName, "tests", "s3-server");
            if (File.Exists(Path.Combine(folder, "node_modules", "s3rver", "package.json")))
            {
                return Path.Combine(folder, "server.js");
            }
        }

        throw new InvalidOperationException(
            "tests/s3-server/node_modules is missing; run `npm ci --prefix tests/s3-server`, or point MEDIAVAULT_TEST_S3_URL and MEDIAVAULT_TEST_S3_BUCKET at a running S3 server.");
    }
}
