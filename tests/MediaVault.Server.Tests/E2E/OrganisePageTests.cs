using System.Diagnostics;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.E2E;

/// <summary>
/// The library page's organising flows in Debian's headless Chromium, driven by tests/e2e/organise.e2e.mjs
/// (playwright-core): select a range and act in bulk with confirmation and undo (tag, archive, restore, delete),
/// edit details and find them by tag and search, filters and the open media kept in the URL, cancel and retry an
/// upload, resume and discard an interrupted one, plain failure messages, what a read-only user is not offered,
/// and a not-found release. MEDIAVAULT_SCREENSHOTS=&lt;folder&gt; also saves the README's screenshots there.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OrganisePageTests(ServerFixture server)
{
    [Fact]
    public async Task Editors_select_tag_archive_restore_delete_edit_filter_and_resume_uploads_in_a_real_browser()
    {
        var tenant = "organise-" + Guid.NewGuid().ToString("N")[..8];

        var result = await RunAsync(server.BaseAddress, TestTokens.Create(tenant, ["admin"]), TestTokens.Create(tenant, ["media:read"], subject: "reader"));

        var failures = string.Join(Environment.NewLine, result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));
        Assert.True(result.GetProperty("ok").GetBoolean(), $"Browser test failed:{Environment.NewLine}{failures}{Environment.NewLine}Steps passed: {result.GetProperty("steps")}");
        Assert.True(result.GetProperty("steps").GetArrayLength() >= 25, result.ToString());
    }

    private static async Task<JsonElement> RunAsync(Uri server, string token, string readerToken)
    {
        var folder = ScriptFolder();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(folder, "organise.e2e.mjs"), server.ToString(), token, readerToken })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"organise.e2e.mjs printed nothing; stderr: {await error}");
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
