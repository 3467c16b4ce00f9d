using System.Net;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Releases.Readiness;

[Collection(ServerCollection.Name)]
public sealed class ReleaseReadinessTests(ServerFixture server)
{
    [Fact]
    public async Task Distributor_report_names_each_refused_file_with_its_measured_value()
    {
        var prepared = await PreparedRelease.GetAsync(server);
        var files = prepared.Files;
        var report = await ReportAsync(prepared, "distributor");

        Assert.Equal("distributor", report.GetProperty("profile").GetString());
        Assert.False(report.GetProperty("ready").GetBoolean());
        Assert.Equal(96000, Problem(report, "sample_rate", prepared, files.HiResMonoWav).GetProperty("measured").GetDouble());
        Assert.Equal(1, Problem(report, "channels", prepared, files.HiResMonoWav).GetProperty("measured").GetDouble());
        Assert.Equal("mp3", Problem(report, "audio_container", prepared, files.Mp3).GetProperty("measured").GetString());
        var clipped = ReadinessMedia.FullScaleSamples(files.ClippedWav);
        Assert.True(clipped > 1000, $"{clipped} clipped samples");
        Assert.Equal(clipped, Problem(report, "clipping", prepared, files.ClippedWav).GetProperty("measured").GetDouble());
        Assert.True(Problem(report, "true_peak", prepared, files.ClippedWav).GetProperty("measured").GetDouble() > -1);
        var tail = Problem(report, "trailing_silence", prepared, files.TrailingSilenceWav);
        Assert.InRange(tail.GetProperty("measured").GetDouble(), 19.95, 20.05);
        Assert.Equal("≤ 10", tail.GetProperty("expected").GetString());
        Assert.Equal("error", tail.GetProperty("severity").GetString());
        Assert.Equal(prepared.Media[Path.GetFileName(files.TrailingSilenceWav)].TrackId, tail.GetProperty("trackId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(tail.GetProperty("remediation").GetString()));

        Assert.Equal(1400, Problem(report, "cover_size", prepared, files.Cover1400).GetProperty("measured").GetDouble());
        Assert.Equal("CMYK", Problem(report, "cover_color_space", prepared, files.CoverCmyk).GetProperty("measured").GetString());
        Assert.False(Problem(report, "cover_color_space", prepared, files.CoverCmyk).TryGetProperty("trackId", out _), "cover art is on no track");
        Assert.InRange(Problem(report, "cover_square", prepared, files.CoverNonSquare).GetProperty("measured").GetDouble(), 1.0067, 1.0068);

        // What is right is not reported: the 24-bit files pass the bit-depth rule, the sRGB covers the colour rule.
        Assert.DoesNotContain(Problems(report), p => p.GetProperty("rule").GetString() == "bit_depth");
        Assert.Null(FindProblem(report, "cover_color_space", prepared, files.Cover1400));
        Assert.Null(FindProblem(report, "trailing_silence", prepared, files.ClippedWav));
    }

    [Fact]
    public async Task Spotify_report_applies_spotify_rules_only()
    {
        var prepared = await PreparedRelease.GetAsync(server);
        var files = prepared.Files;
        var report = await ReportAsync(prepared, "spotify");

        Assert.Equal("spotify", report.GetProperty("profile").GetString());
        Assert.Equal(1, Problem(report, "channels", prepared, files.HiResMonoWav).GetProperty("measured").GetDouble());
        Assert.Null(FindProblem(report, "sample_rate", prepared, files.HiResMonoWav));
        // ffmpeg writes 24-bit WAV as WAVE_FORMAT_EXTENSIBLE, which Spotify refuses; its 16-bit WAV is plain PCM.
        Assert.Equal(65534, Problem(report, "wav_format", prepared, files.HiResMonoWav).GetProperty("measured").GetDouble());
        Assert.Null(FindProblem(report, "wav_format", prepared, files.ClippedWav));
        Assert.True(Problem(report, "cover_icc_profile", prepared, files.CoverCmyk).GetProperty("measured").GetBoolean());
        Assert.Equal("one of flac, wav", Problem(report, "audio_container", prepared, files.Mp3).GetProperty("expected").GetString());
        Assert.Equal(32, Problem(report, "cover_bits_per_pixel", prepared, files.CoverCmyk).GetProperty("measured").GetDouble());
        Assert.Null(FindProblem(report, "trailing_silence", prepared, files.TrailingSilenceWav));
        // 1400 px is enough for Spotify (≥ 640), and the sRGB square cover passes every rule.
        Assert.DoesNotContain(Problems(report), p => p.GetProperty("mediaId").GetString() == prepared.MediaIdOf(files.Cover1400));
    }

    [Fact]
    public async Task Duplicate_recording_names_the_other_release_and_track()
    {
        var prepared = await PreparedRelease.GetAsync(server);
        var report = await ReportAsync(prepared, "spotify");

        var duplicate = Problem(report, "duplicate_recording", prepared, prepared.Files.TrimmedFlac);
        Assert.Equal("warning", duplicate.GetProperty("severity").GetString());
        var other = duplicate.GetProperty("duplicateOf");
        Assert.Equal(prepared.EarlierReleaseId, other.GetProperty("releaseId").GetString());
        Assert.Equal("Earlier Single", other.GetProperty("releaseTitle").GetString());
        Assert.Equal(prepared.EarlierTrackId, other.GetProperty("trackId").GetString());
        Assert.Equal("Original Take", other.GetProperty("trackTitle").GetString());
        Assert.Equal(prepared.MediaIdOf(prepared.Files.SongWav), other.GetProperty("mediaId").GetString());
        Assert.Contains("Original Take", duplicate.GetProperty("message").GetString());
        Assert.True(duplicate.GetProperty("measured").GetDouble() < 0.15);

        // Different recordings are not called duplicates, not even four pink noises that Chromaprint sees alike.
        Assert.Single(Problems(report), p => p.GetProperty("rule").GetString() == "duplicate_recording");
    }

    [Fact]
    public async Task Measured_loudness_and_silence_agree_with_ffmpeg_run_by_hand()
    {
        var prepared = await PreparedRelease.GetAsync(server);
        var files = prepared.Files;
        var media = await MetadataByIdAsync(prepared);

        foreach (var path in new[] { files.ClippedWav, files.TrailingSilenceWav, files.Mp3, files.HiResMonoWav })
        {
            var metadata = media[prepared.MediaIdOf(path)];
            var (integrated, range, truePeak) = await FfmpegByHand.EbuR128Async(path);
            Assert.InRange(metadata.GetProperty("integratedLoudness").GetDouble(), integrated - 0.1, integrated + 0.1);
            Assert.InRange(metadata.GetProperty("loudnessRange").GetDouble(), range - 0.1, range + 0.1);
            Assert.InRange(metadata.GetProperty("truePeak").GetDouble(), truePeak - 0.1, truePeak + 0.1);
        }

        var tail = media[prepared.MediaIdOf(files.TrailingSilenceWav)];
        var (leading, trailing) = await FfmpegByHand.SilenceAsync(files.TrailingSilenceWav, tail.GetProperty("duration").GetDouble());
        Assert.InRange(leading, 1.4, 1.6);
        Assert.InRange(tail.GetProperty("leadingSilence").GetDouble(), leading - 0.05, leading + 0.05);
        Assert.InRange(tail.GetProperty("trailingSilence").GetDouble(), trailing - 0.05, trailing + 0.05);
        Assert.Equal(0, media[prepared.MediaIdOf(files.HiResMonoWav)].GetProperty("clippedSamples").GetDouble());
    }

    [Fact]
    public async Task Release_media_metadata_carries_the_analysis_with_the_issue_types()
    {
        var prepared = await PreparedRelease.GetAsync(server);
        var media = await MetadataByIdAsync(prepared);

        var hiRes = media[prepared.MediaIdOf(prepared.Files.HiResMonoWav)];
        Assert.Equal("24", hiRes.GetProperty("bitDepth").GetString());
        foreach (var key in new[] { "integratedLoudness", "loudnessRange", "truePeak", "leadingSilence", "trailingSilence", "clippedSamples" })
        {
            Assert.Equal(JsonValueKind.Number, hiRes.GetProperty(key).ValueKind);
        }

        Assert.True(hiRes.GetProperty("chunksValid").GetBoolean());
        var cmyk = media[prepared.MediaIdOf(prepared.Files.CoverCmyk)];
        Assert.Equal("CMYK", cmyk.GetProperty("colorSpace").GetString());
        Assert.Equal(3000, cmyk.GetProperty("width").GetDouble());
        Assert.Equal(3000, cmyk.GetProperty("height").GetDouble());
        Assert.True(cmyk.GetProperty("hasIccProfile").GetBoolean());
        Assert.Equal("sRGB", media[prepared.MediaIdOf(prepared.Files.Cover1400)].GetProperty("colorSpace").GetString());
    }

    [Fact]
    public async Task Unknown_profile_is_400_in_the_release_error_shape()
    {
        using var client = server.CreateTenantClient(out _, "admin");
        var release = await client.CreateReleaseAsync();

        using var response = await client.GetAsync($"/releases/{release}/readiness?profile=tidal-maybe");

        var message = await response.AssertErrorAsync(HttpStatusCode.BadRequest);
        Assert.Contains("tidal-maybe", message);
        Assert.Contains("spotify", message);
    }

    [Fact]
    public async Task Media_not_yet_analysed_make_the_report_say_so()
    {
        var files = await ReadinessMedia.GetAsync();
        using var client = server.CreateTenantClient(out _, "admin");
        var release = await client.CreateReleaseAsync();
        var track = await PreparedRelease.AddTrackAsync(client, release, "Fresh");
        var mediaId = await PreparedRelease.UploadTrackFileAsync(client, release, track, files.TrimmedFlac);

        using var response = await client.GetAsync($"/releases/{release}/readiness?profile=spotify");

        var report = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.False(report.GetProperty("ready").GetBoolean());
        var pending = Assert.Single(Problems(report));
        Assert.Equal("pending_analysis", pending.GetProperty("rule").GetString());
        Assert.Equal(mediaId, pending.GetProperty("mediaId").GetString());
        var analysed = await PreparedRelease.WaitAnalysedAsync(client, release, "spotify");
        Assert.True(analysed.GetProperty("ready").GetBoolean());
    }

    private static async Task<JsonElement> ReportAsync(PreparedRelease prepared, string profile)
    {
        using var response = await prepared.Client.GetAsync($"/releases/{prepared.ReleaseId}/readiness?profile={profile}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.True(json.GetProperty("success").GetBoolean());
        return json.GetProperty("data");
    }

    private static async Task<Dictionary<string, JsonElement>> MetadataByIdAsync(PreparedRelease prepared) =>
        (await prepared.Client.ListMediaAsync(prepared.ReleaseId)).EnumerateArray()
        .ToDictionary(m => m.GetProperty("cloudId").GetString()!, m => m.GetProperty("metadata"));

    private static IEnumerable<JsonElement> Problems(JsonElement report) => report.GetProperty("problems").EnumerateArray();

    private static JsonElement? FindProblem(JsonElement report, string rule, PreparedRelease prepared, string path) =>
        Problems(report).Where(p => p.GetProperty("rule").GetString() == rule && p.GetProperty("mediaId").GetString() == prepared.MediaIdOf(path))
            .Select(p => (JsonElement?)p).FirstOrDefault();

    private static JsonElement Problem(JsonElement report, string rule, PreparedRelease prepared, string path) =>
        FindProblem(report, rule, prepared, path) ?? throw new Xunit.Sdk.XunitException($"No {rule} problem for {Path.GetFileName(path)} in {report}");
}
