using System.Diagnostics;
using System.Net.Sockets;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>A MediaVault server in its own process (so it can be killed with SIGKILL), on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(IEnumerable<string> arguments)
    {
        var given = arguments.ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(given);
            }
            catch (ServerExitedException) when (attempt < 3)
            {
                // Most likely its port was taken between FreePort and the server's bind (another test's listener on an
                // ephemeral port): start again on another.
            }
        }
    }

    private static async Task<ServerProcess> StartOnceAsync(IReadOnlyList<string> arguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ServerDll());
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        // The last lines the server wrote, for the failure message when it does not become ready.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            while (output.Count > 40 && output.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        var lastAnswer = "none";
        for (var i = 0; i < 120; i++)
        {
            if (process.HasExited)
            {
                throw new ServerExitedException($"The server process exited with {process.ExitCode} before it was ready. Its last output:\n{string.Join('\n', output)}");
            }

            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.IsSuccessStatusCode)
                {
                    return new ServerProcess(process, address);
                }

                lastAnswer = $"{(int)ready.StatusCode} {await ready.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still too busy starting to answer within the poll's timeout.
            }
            catch (TaskCanceledException)
            {
                // Listening but still starting (a busy machine): ask again.
            }

            await Task.Delay(250);
        }

        var exited = process.HasExited ? $"exited with {process.ExitCode}" : "still running";
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException(
            $"The server process did not become ready ({exited}; last /health/ready answer: {lastAnswer}). Its last output:\n{string.Join('\n', output)}");
    }

    /// <summary>SIGKILL: no shutdown, no lease released.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM (what a deploy sends), then waits for the graceful shutdown to end.</summary>
    public async Task TerminateAsync()
    {
        await TestProcesses.RunAsync("kill", "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server build of the same configuration as these tests (Debug or Release).</summary>
    private static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "MediaVault.Server", "bin", configuration, "net10.0", "MediaVault.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("MediaVault.Server.dll was not found; build the solution first.");
    }

    private sealed class ServerExitedException(string message) : Exception(message);
}
