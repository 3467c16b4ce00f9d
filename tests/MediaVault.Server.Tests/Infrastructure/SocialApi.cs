using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>Helpers for the social compatibility tests: media made by ffmpeg, uploaded through the library workflow.</summary>
public static class SocialApi
{
    /// <summary>Runs ffmpeg (lavfi sources in <paramref name="arguments"/>) into a temporary file and returns its bytes.</summary>
    public static async Task<byte[]> MakeAsync(string extension, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), "mv-social-" + Guid.NewGuid().ToString("N") + extension);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments, path])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, errors);
            return await File.ReadAllBytesAsync(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Create → upload → confirm, then waits for SUCCESS; returns the media's id.</summary>
    public static async Task<string> UploadReadyAsync(this HttpClient client, string name, string type, byte[] bytes)
    {
        using var anonymous = new HttpClient { BaseAddress = client.BaseAddress };
        using var response = await client.PostAsJsonAsync("/v2/media", new { name, type, fileSize = bytes.Length });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var id = created.GetProperty("id").GetString()!;
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, bytes))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        return id;
    }

    /// <summary>The compatibility entry of one network and placement.</summary>
    public static async Task<JsonElement> CompatibilityAsync(this HttpClient client, string id, string network, string placement)
    {
        using var response = await client.GetAsync($"/v2/media/{id}/compatibility?network={network}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal(id, body.GetProperty("data").GetProperty("mediaId").GetString());
        return body.GetProperty("data").GetProperty("networks").EnumerateArray().Single(n => n.GetProperty("placement").GetString() == placement);
    }

    /// <summary>The ids of the problems of one compatibility entry with <paramref name="severity"/>.</summary>
    public static List<string> Problems(this JsonElement entry, string severity) =>
        [.. entry.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("severity").GetString() == severity).Select(p => p.GetProperty("rule").GetString()!).Order(StringComparer.Ordinal)];

    public static JsonElement Problem(this JsonElement entry, string rule) =>
        entry.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("rule").GetString() == rule);

    /// <summary>Asks for a conformed rendition and waits until it is made (or failed); returns its view from Get a Media.</summary>
    public static async Task<JsonElement> ConformAsync(this HttpClient client, string id, string network, string placement, string fit, bool trim = false)
    {
        using (var response = await client.PostAsJsonAsync($"/v2/media/{id}/conform", new { network, placement, fit, trim }))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var accepted = await response.ReadJsonAsync();
            Assert.Equal("PROCESSING", accepted.GetProperty("data").GetProperty("status").GetString());
        }

        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var media = await (await client.GetAsync($"/v2/media/{id}")).ReadJsonAsync();
            var conformed = media.GetProperty("conformed").EnumerateArray()
                .Single(c => c.GetProperty("network").GetString() == network && c.GetProperty("placement").GetString() == placement);
            if (conformed.GetProperty("status").GetString() != "PROCESSING" || DateTime.UtcNow > deadline)
            {
                return conformed;
            }

            await Task.Delay(200);
        }
    }
}
