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

        BrowserScript.AssertPassed(result);
        Assert.True(result.GetProperty("steps").GetArrayLength() >= 12, result.ToString());
    }

    private static Task<JsonElement> RunAsync(Uri server, string token) =>
        BrowserScript.RunAsync("library.e2e.mjs", TimeSpan.FromMinutes(4), server.ToString(), token);
}
