using System.Diagnostics;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>The Node tools of tests/openapi (redocly, openapi-typescript, tsc), installed there by test.sh with npm ci.</summary>
public static class OpenApiTools
{
    public static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "openapi");
            if (File.Exists(Path.Combine(candidate, "node_modules", "@redocly", "cli", "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/openapi/node_modules is missing; run ./test.sh (it runs npm ci there).");
    }

    /// <summary>Runs <c>node_modules/.bin/<paramref name="tool"/></c> in tests/openapi; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] arguments)
    {
        var folder = Folder();
        var start = new ProcessStartInfo(Path.Combine(folder, "node_modules", ".bin", tool))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
