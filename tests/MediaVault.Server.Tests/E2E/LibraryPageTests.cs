using System.Diagnostics;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.E2E;

/// <summary>
/// The library page in Debian's headless Chromium, driven by tests/e2e/library.e2e.mjs (playwright-core, installed
/// by test.sh): sign in, upload an image, an MP3 and a PDF, watch them become ready, open details, seek, delete.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class LibraryPageTests(ServerFixture server)
{
    [Fact]
    public async Task The_library_page_signs_in_uploads_previews_seeks_and_deletes_in_a_real_browser()
    {
        var tenant = "page-" + Guid.NewGuid().ToString("N")[..8];

        var result = await RunAsync(server.BaseAddress, TestTokens.Create(tenant, ["admin"]));

        var failures = string.Join(Environment.NewLine, result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));
        Assert.True(result.GetProperty("ok").GetBoolean(), $"Browser test failed:{Environment.NewLine}{failures}{Environment.NewLine}Steps passed: {result.GetProperty("steps")}");
        Assert.True(result.GetProperty("steps").GetArrayLength() >= 12, result.ToString());
    }

    private static async Task<JsonElement> RunAsync(Uri server, string token)
    {
        var folder = ScriptFolder();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(folder, "library.e2e.mjs"), server.ToString(), token })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"library.e2e.mjs printed nothing; stderr: {await error}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    private static string ScriptFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "e2e");
            if (File.Exists(Path.Combine(candidate, "node_modules", "playwright-core", "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/e2e/node_modules is missing; run ./test.sh (it runs npm ci there and installs chromium).");
    }
}
