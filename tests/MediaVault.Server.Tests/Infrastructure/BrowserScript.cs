using System.Diagnostics;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// Runs one of tests/e2e's browser scripts (playwright-core driving Debian's headless Chromium, installed by test.sh)
/// with node, and returns the closing JSON line it prints: <c>ok</c>, <c>steps</c>, <c>failures</c> and whatever else
/// the script reports.
/// </summary>
public static class BrowserScript
{
    public static async Task<JsonElement> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var folder = Folder();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var cancel = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var error = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"{script} printed nothing; stderr: {await error}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    /// <summary>Fails with the script's own failures and the steps that passed before them.</summary>
    public static void AssertPassed(JsonElement result)
    {
        var failures = string.Join(Environment.NewLine, result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));
        Assert.True(result.GetProperty("ok").GetBoolean(), $"Browser test failed:{Environment.NewLine}{failures}{Environment.NewLine}Steps passed: {result.GetProperty("steps")}");
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "e2e");
            if (File.Exists(Path.Combine(candidate, "node_modules", "playwright-core", "package.json"))
                && File.Exists(Path.Combine(candidate, "node_modules", "@uppy", "tus", "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/e2e/node_modules is missing; run ./test.sh (it runs npm ci there and installs chromium).");
    }
}
