using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases.Readiness;

/// <summary>
/// A tenant with an earlier release (the song, as WAV) and a release under test whose tracks and cover art carry one
/// mistake each, uploaded once and analysed before the tests read its reports.
/// </summary>
public sealed class PreparedRelease
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PreparedRelease? _prepared;

    public required HttpClient Client { get; init; }

    public required ReadinessMedia Files { get; init; }

    public required string ReleaseId { get; init; }

    public required string EarlierReleaseId { get; init; }

    public required string EarlierTrackId { get; init; }

    /// <summary>File name → (media id, track id or null for release-level cover art).</summary>
    public required IReadOnlyDictionary<string, (string MediaId, string? TrackId)> Media { get; init; }

    public string MediaIdOf(string path) => Media[Path.GetFileName(path)].MediaId;

    public static async Task<PreparedRelease> GetAsync(ServerFixture server)
    {
        await Gate.WaitAsync();
        try
        {
            return _prepared ??= await PrepareAsync(server);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<PreparedRelease> PrepareAsync(ServerFixture server)
    {
        var files = await ReadinessMedia.GetAsync();
        var client = server.CreateTenantClient(out _, "admin");
        var media = new Dictionary<string, (string, string?)>();

        var earlier = await client.CreateReleaseAsync("Earlier Single");
        var earlierTrack = await AddTrackAsync(client, earlier, "Original Take");
        media[Path.GetFileName(files.SongWav)] = (await UploadTrackFileAsync(client, earlier, earlierTrack, files.SongWav), earlierTrack);

        var release = await client.CreateReleaseAsync("Album Under Test");
        foreach (var (title, path) in new[]
        {
            ("Hi-Res Mono", files.HiResMonoWav), ("Lossy Bounce", files.Mp3), ("Clipped", files.ClippedWav),
            ("Long Tail", files.TrailingSilenceWav), ("Trimmed Copy", files.TrimmedFlac),
        })
        {
            var track = await AddTrackAsync(client, release, title);
            media[Path.GetFileName(path)] = (await UploadTrackFileAsync(client, release, track, path), track);
        }

        foreach (var cover in new[] { files.Cover1400, files.CoverCmyk, files.CoverNonSquare })
        {
            using var content = ReleaseApi.Files(("files", Path.GetFileName(cover), await File.ReadAllBytesAsync(cover)));
            using var response = await client.PostAsync($"/releases/{release}/media/files", content);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            media[Path.GetFileName(cover)] = ((await response.ReadJsonAsync()).GetProperty("data")[0].GetProperty("cloudId").GetString()!, null);
        }

        await WaitAnalysedAsync(client, earlier);
        await WaitAnalysedAsync(client, release);
        return new PreparedRelease
        {
            Client = client, Files = files, ReleaseId = release, EarlierReleaseId = earlier, EarlierTrackId = earlierTrack, Media = media,
        };
    }

    public static async Task<string> AddTrackAsync(HttpClient client, string releaseId, string title)
    {
        using var response = await client.PostAsync($"/releases/{releaseId}/tracks", JsonContent(new { title }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString()!;
    }

    public static async Task<string> UploadTrackFileAsync(HttpClient client, string releaseId, string trackId, string path)
    {
        using var content = ReleaseApi.Files(("file", Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
        using var response = await client.PostAsync($"/releases/{releaseId}/tracks/{trackId}/media/file", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("cloudId").GetString()!;
    }

    /// <summary>Polls the distributor report until no media is pending analysis.</summary>
    public static async Task<JsonElement> WaitAnalysedAsync(HttpClient client, string releaseId, string profile = "distributor")
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var response = await client.GetAsync($"/releases/{releaseId}/readiness?profile={profile}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var data = (await response.ReadJsonAsync()).GetProperty("data");
            var pending = data.GetProperty("problems").EnumerateArray().Any(p => p.GetProperty("rule").GetString() == "pending_analysis");
            if (!pending)
            {
                return data;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Release {releaseId} was still pending analysis: {data}");
            await Task.Delay(250);
        }
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), new MediaTypeHeaderValue("application/json"));
}
