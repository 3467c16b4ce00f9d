using System.Diagnostics;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// Runs tests/jsonld/read-catalog.mjs (the stock <c>jsonld</c> processor and API Platform's <c>api-doc-parser</c>,
/// installed there by test.sh with npm ci) against the test server.
/// </summary>
public static class NodeJsonLdReader
{
    /// <param name="documents"><c>Context=path</c> (or <c>Context=POST path json</c>) for each document to read.</param>
    /// <returns>The exit code and the script's JSON line: <c>problems</c>, <c>resources</c>, <c>loaded</c>, <c>reads</c>.</returns>
    public static async Task<(int ExitCode, JsonElement Result)> ReadAsync(Uri server, IReadOnlyDictionary<string, string> headers, params string[] documents)
    {
        var folder = Folder();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(folder, "read-catalog.mjs"), server.GetLeftPart(UriPartial.Authority), JsonSerializer.Serialize(headers) }.Concat(documents))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"read-catalog.mjs printed nothing; stderr: {await error}");
        using var document = JsonDocument.Parse(line);
        return (process.ExitCode, document.RootElement.Clone());
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "jsonld");
            if (File.Exists(Path.Combine(candidate, "node_modules", "jsonld", "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/jsonld/node_modules is missing; run ./test.sh (it runs npm ci there).");
    }
}
