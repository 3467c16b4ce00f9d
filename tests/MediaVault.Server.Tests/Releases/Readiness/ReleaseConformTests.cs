using System.Net;
using System.Net.Http.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases.Readiness;

[Collection(ServerCollection.Name)]
public sealed class ReleaseConformTests(ServerFixture server)
{
    [Fact]
    public async Task Another_tenants_release_is_404_on_readiness_and_conform()
    {
        using var owner = server.CreateTenantClient(out _, "admin");
        using var stranger = server.CreateTenantClient(out _, "admin");
        var release = await owner.CreateReleaseAsync();

        using var report = await stranger.GetAsync($"/releases/{release}/readiness?profile=spotify");
        using var conform = await stranger.PostAsJsonAsync($"/releases/{release}/conform", new { profile = "spotify" });

        Assert.Equal("Release not found", await report.AssertErrorAsync(HttpStatusCode.NotFound));
        Assert.Equal("Release not found", await conform.AssertErrorAsync(HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task A_submitted_release_is_not_conformed()
    {
        using var client = server.CreateTenantClient(out _, "admin");
        var release = await client.CreateReleaseAsync();
        using (var submitted = await client.PostAsync($"/releases/{release}/submit", null))
        {
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        using var response = await client.PostAsJsonAsync($"/releases/{release}/conform", new { profile = "distributor" });

        Assert.Equal("Release can only be modified while in draft or rejected status", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task Conform_makes_what_a_machine_can_fix_and_leaves_the_rest_as_problems()
    {
        var files = await ReadinessMedia.GetAsync();
        using var client = server.CreateTenantClient(out _, "admin");
        var release = await client.CreateReleaseAsync();
        var ids = new Dictionary<string, string>();
        foreach (var (title, path) in new[] { ("Hi-Res Mono", files.HiResMonoWav), ("Lossy", files.Mp3) })
        {
            var track = await PreparedRelease.AddTrackAsync(client, release, title);
            ids[path] = await PreparedRelease.UploadTrackFileAsync(client, release, track, path);
        }

        foreach (var cover in new[] { files.CoverCmyk, files.CoverNonSquare, files.Cover1400 })
        {
            using var content = ReleaseApi.Files(("files", Path.GetFileName(cover), await File.ReadAllBytesAsync(cover)));
            using var uploaded = await client.PostAsync($"/releases/{release}/media/files", content);
            ids[cover] = (await uploaded.ReadJsonAsync()).GetProperty("data")[0].GetProperty("cloudId").GetString()!;
        }

        await PreparedRelease.WaitAnalysedAsync(client, release);

        using var response = await client.PostAsJsonAsync($"/releases/{release}/conform", new { profile = "distributor" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = (await response.ReadJsonAsync()).GetProperty("data").GetProperty("queued").EnumerateArray()
            .ToDictionary(q => q.GetProperty("mediaId").GetString()!, q => q.GetProperty("fixes").EnumerateArray().Select(f => f.GetString()).ToList());
        // The mono master is resampled (its channel count stays a problem), the CMYK and almost-square covers become
        // sRGB squares; the MP3 (lossy) and the 1400 px cover (would need upscaling) are left alone.
        Assert.Equal(["sample_rate"], queued[ids[files.HiResMonoWav]]);
        Assert.Equal(["cover_color_space"], queued[ids[files.CoverCmyk]]);
        Assert.Equal(["cover_square"], queued[ids[files.CoverNonSquare]]);
        Assert.Equal(3, queued.Count);

        var metadata = await WaitConformedAsync(client, release, [ids[files.HiResMonoWav], ids[files.CoverCmyk], ids[files.CoverNonSquare]]);
        var audio = await DownloadAsync(client, metadata[ids[files.HiResMonoWav]], "flac");
        Assert.Equal("flac 44100 1 24", await ProbeAsync(audio));
        var cmyk = await DownloadAsync(client, metadata[ids[files.CoverCmyk]], "jpg");
        Assert.Equal("3000x3000 uchar, 3 bands, srgb", await VipsHeaderAsync(cmyk));
        var square = await DownloadAsync(client, metadata[ids[files.CoverNonSquare]], "jpg");
        Assert.Equal("2980x2980 uchar, 3 bands, srgb", await VipsHeaderAsync(square));

        var report = await PreparedRelease.WaitAnalysedAsync(client, release);
        var problems = report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("rule").GetString(), p.GetProperty("mediaId").GetString())).ToList();
        Assert.DoesNotContain(("sample_rate", ids[files.HiResMonoWav]), problems);
        Assert.Contains(("channels", ids[files.HiResMonoWav]), problems);
        Assert.DoesNotContain(("cover_color_space", ids[files.CoverCmyk]), problems);
        Assert.DoesNotContain(("cover_square", ids[files.CoverNonSquare]), problems);
        Assert.Contains(("audio_container", ids[files.Mp3]), problems);
        Assert.Contains(("cover_size", ids[files.Cover1400]), problems);
    }

    [Fact]
    public async Task Conform_with_an_unknown_profile_is_400()
    {
        using var client = server.CreateTenantClient(out _, "admin");
        var release = await client.CreateReleaseAsync();

        using var response = await client.PostAsJsonAsync($"/releases/{release}/conform", new { profile = "nope" });

        Assert.Contains("nope", await response.AssertErrorAsync(HttpStatusCode.BadRequest));
    }

    private static async Task<Dictionary<string, string>> WaitConformedAsync(HttpClient client, string release, string[] mediaIds)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var urls = (await client.ListMediaAsync(release)).EnumerateArray()
                .Where(m => m.GetProperty("metadata").TryGetProperty("conformed", out var conformed) && conformed.TryGetProperty("distributor", out _))
                .ToDictionary(m => m.GetProperty("cloudId").GetString()!, m => m.GetProperty("metadata").GetProperty("conformed").GetProperty("distributor").GetString()!);
            if (mediaIds.All(urls.ContainsKey))
            {
                return urls;
            }

            Assert.True(DateTime.UtcNow < deadline, "The conformed renditions did not appear.");
            await Task.Delay(250);
        }
    }

    private static async Task<string> DownloadAsync(HttpClient client, string url, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), "conformed-" + Guid.NewGuid().ToString("N") + "." + extension);
        await File.WriteAllBytesAsync(path, await client.GetByteArrayAsync(url));
        return path;
    }

    private static async Task<string> ProbeAsync(string path)
    {
        var output = await OutputAsync("ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name,sample_rate,channels,bits_per_raw_sample", "-of", "csv=p=0", path);
        return string.Join(' ', output.Trim().Split(','));
    }

    private static async Task<string> VipsHeaderAsync(string path) =>
        (await OutputAsync("vipsheader", path)).Trim()[(path.Length + 2)..].Split(", jpegload")[0];

    private static async Task<string> OutputAsync(string tool, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        return output;
    }
}
