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

        BrowserScript.AssertPassed(result);
        Assert.Equal(4, result.GetProperty("steps").GetArrayLength());
    }

    private static Task<JsonElement> RunAsync(Uri server, string token, string mediaId) =>
        BrowserScript.RunAsync("social.e2e.mjs", TimeSpan.FromMinutes(4), server.ToString(), token, mediaId);
}
