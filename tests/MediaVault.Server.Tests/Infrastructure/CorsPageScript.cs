using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// Runs tests/e2e/cors.e2e.mjs in Debian's headless Chromium: a page on a second loopback origin (<c>pagePort</c>)
/// uploads with stock Uppy over tus and with the library flow (create → PUT uploadUrl → PATCH confirm), plays the video
/// by its signed URL, and the same page on an origin the server does not allow fails both uploads. Returns the script's
/// closing JSON line (<c>ok</c>, <c>steps</c>, <c>failures</c>, <c>results</c>).
/// </summary>
public static class CorsPageScript
{
    public static Task<JsonElement> RunAsync(Uri server, string token, string refusedToken, int pagePort) =>
        BrowserScript.RunAsync("cors.e2e.mjs", TimeSpan.FromMinutes(4), server.ToString(), token, refusedToken, pagePort.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
