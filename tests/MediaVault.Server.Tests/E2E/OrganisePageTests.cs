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

        BrowserScript.AssertPassed(result);
        Assert.True(result.GetProperty("steps").GetArrayLength() >= 25, result.ToString());
    }

    private static Task<JsonElement> RunAsync(Uri server, string token, string readerToken) =>
        BrowserScript.RunAsync("organise.e2e.mjs", TimeSpan.FromMinutes(6), server.ToString(), token, readerToken);
}
