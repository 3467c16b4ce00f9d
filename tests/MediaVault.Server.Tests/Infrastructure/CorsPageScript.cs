using System.Diagnostics;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// Runs tests/e2e/cors.e2e.mjs in Debian's headless Chromium: a page on a second loopback origin (<c>pagePort</c>)
/// uploads with stock Uppy over tus and with the library flow (create → PUT uploadUrl → PATCH confirm), plays the video
/// by its signed URL, and the same page on an origin the server does not allow fails both uploads. Returns the script's
/// closing JSON line (<c>ok</c>, <c>steps</c>, <c>failures</c>, <c>results</c>).
/// </summary>
public static class CorsPageScript
{
    public static async Task<JsonElement> RunAsync(Uri server, string token, string refusedToken, int pagePort)
    {
        var folder = ScriptFolder();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(folder, "cors.e2e.mjs"), server.ToString(), token, refusedToken, pagePort.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"cors.e2e.mjs printed nothing; stderr: {await error}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static string ScriptFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "e2e");
            if (File.Exists(Path.Combine(candidate, "node_modules", "@uppy", "tus", "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/e2e/node_modules is missing @uppy/tus; run ./test.sh (it runs npm ci there and installs chromium).");
    }
}
