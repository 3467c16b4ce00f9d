using System.Diagnostics;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Runs the stock tus-js-client (tests/tus-client, installed by test.sh) in Node against the test server.</summary>
public static class NodeTusClient
{
    public static async Task<JsonElement> UploadAsync(Uri server, string token, string file, int chunkSize, object metadata, bool interrupt = false)
    {
        var folder = ClientFolder();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(folder, "upload.mjs"), new Uri(server, "/uploads/").ToString(), token, file, chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Serialize(metadata) })
        {
            start.ArgumentList.Add(argument);
        }

        if (interrupt)
        {
            start.ArgumentList.Add("interrupt");
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"tus-js-client printed nothing; stderr: {await error}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static string ClientFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tus-client");
            if (File.Exists(Path.Combine(candidate, "node_modules", "tus-js-client", "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/tus-client/node_modules is missing; run ./test.sh (it runs npm ci there).");
    }
}
