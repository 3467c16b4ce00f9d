using System.Diagnostics;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.E2E;

/// <summary>
/// The detail panel's social networks section in Debian's headless Chromium, driven by tests/e2e/social.e2e.mjs: a
/// badge per network and placement, the problems of a 4000×1000 PNG for the Instagram feed, and "Make it fit"
/// (crop) until the fitted JPEG's link appears.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SocialPageTests(ServerFixture server)
{
    [Fact]
    public async Task The_detail_panel_shows_network_badges_and_makes_a_media_fit_in_a_real_browser()
    {
        var tenant = "social-" + Guid.NewGuid().ToString("N")[..8];
        var token = TestTokens.Create(tenant, ["admin"]);
        using var client = server.CreateClientFor(tenant, "admin");
        var id = await client.UploadReadyAsync("wide.png", "image/png", await SocialApi.MakeAsync(".png", "-f", "lavfi", "-i", "testsrc2=s=4000x1000", "-frames:v", "1"));

        var result = await RunAsync(server.BaseAddress, token, id);

        var failures = string.Join(Environment.NewLine, result.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));
        Assert.True(result.GetProperty("ok").GetBoolean(), $"Browser test failed:{Environment.NewLine}{failures}{Environment.NewLine}Steps passed: {result.GetProperty("steps")}");
        Assert.Equal(4, result.GetProperty("steps").GetArrayLength());
    }

    private static async Task<JsonElement> RunAsync(Uri server, string token, string mediaId)
    {
        var folder = ScriptFolder();
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(folder, "social.e2e.mjs"), server.ToString(), token, mediaId })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"social.e2e.mjs printed nothing; stderr: {await error}");
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
