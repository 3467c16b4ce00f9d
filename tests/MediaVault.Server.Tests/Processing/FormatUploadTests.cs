using System.Net;
using System.Text;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Formats;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// Every audio and video format the media tools read, made at run time, goes through each upload path: accepted by its
/// content (its header, or a probe of the complete file when the header cannot decide) and processed to <c>ready</c>
/// with the metadata ffprobe reads. What no allowed demuxer reads is still refused at upload.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FormatUploadTests(ServerFixture server)
{
    public static TheoryData<string> SampleNames() => new(FormatCorpus.Samples.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Release_upload_of_each_format_is_accepted_and_ends_ready_with_its_type_and_metadata(string name)
    {
        var sample = (await FormatCorpus.AllAsync()).Single(s => s.Name == name);
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();

        using (var content = ReleaseApi.Files(("files", sample.Name, sample.Bytes)))
        using (var response = await client.PostAsync($"/releases/{releaseId}/media/files", content))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var media = (await client.WaitProcessedAsync(releaseId))[0];
        var metadata = media.GetProperty("metadata");
        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.Equal(sample.Kind, media.GetProperty("type").GetString());
        Assert.Equal(sample.MimeType, metadata.GetProperty("mimeType").GetString());
        Assert.InRange(metadata.GetProperty("duration").GetDouble(), sample.ProbedDuration - 0.05, sample.ProbedDuration + 0.05);
        Assert.Equal(sample.Codec, metadata.GetProperty("codec").GetString());
        Assert.Equal(sample.SampleRate, metadata.TryGetProperty("sampleRate", out var sampleRate) ? sampleRate.GetString() : null);
        Assert.Equal(sample.Channels, metadata.TryGetProperty("channels", out var channels) ? channels.GetString() : null);
        Assert.Equal(sample.BitDepth, metadata.TryGetProperty("bitDepth", out var bitDepth) ? bitDepth.GetString() : null);
        Assert.Contains(sample.Kind == "audio" ? "waveform.json" : "poster.jpg", RenditionNames(media));
    }

    [Fact]
    public async Task A_playlist_a_concat_script_and_text_are_still_refused_at_upload()
    {
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var refused = new (string Name, string Text)[]
        {
            ("list.m3u8", "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile:/etc/passwd\n#EXT-X-ENDLIST\n"),
            ("list.ffconcat", "ffconcat version 1.0\nfile /etc/passwd\n"),
            ("notes.mp3", "Just some notes, not audio at all.\n"),
        };

        foreach (var (name, text) in refused)
        {
            using var content = ReleaseApi.Files(("files", name, Encoding.UTF8.GetBytes(text)));
            using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);
            await response.AssertErrorAsync(HttpStatusCode.BadRequest);
        }

        Assert.Equal(0, (await client.ListMediaAsync(releaseId)).GetArrayLength());
    }

    [Theory]
    [InlineData("opus.webm", "audio/webm")]
    [InlineData("tone.ac3", "audio/ac3")]
    public async Task Library_confirm_decides_by_probe_what_the_header_cannot(string name, string declared)
    {
        var sample = (await FormatCorpus.AllAsync()).Single(s => s.Name == name);
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _client = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync(name, declared, sample.Bytes.Length);
        var id = created.GetProperty("id").GetString()!;
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, sample.Bytes))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{id}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var media = await client.WaitStatusAsync(id, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        Assert.Equal(declared, media.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Library_confirm_refuses_audio_only_webm_declared_as_video()
    {
        var sample = (await FormatCorpus.AllAsync()).Single(s => s.Name == "opus.webm");
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var _client = client;
        using var anonymous = server.CreateClient();
        var created = await client.CreateLibraryMediaAsync("opus.webm", "video/webm", sample.Bytes.Length);
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, sample.Bytes))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null);

        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
    }

    [Theory]
    [InlineData("tone.eac3", "audio", "audio/eac3")]
    [InlineData("audio-only.mp4", "audio", "audio/mp4")]
    public async Task A_resumable_upload_into_a_release_is_typed_by_probe_when_the_header_cannot_decide(string name, string kind, string mimeType)
    {
        var sample = (await FormatCorpus.AllAsync()).Single(s => s.Name == name);
        using var client = server.CreateTenantClient(out _);
        var releaseId = await client.CreateReleaseAsync();
        var url = await client.CreateUploadUrlAsync(sample.Bytes.Length, TusApi.Metadata(("filename", name), ("target", "release"), ("releaseId", releaseId)));

        using var done = await client.PatchChunkAsync(url, 0, sample.Bytes);

        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var media = (await client.WaitProcessedAsync(releaseId))[0];
        Assert.Equal(kind, media.GetProperty("type").GetString());
        Assert.Equal(mimeType, media.GetProperty("metadata").GetProperty("mimeType").GetString());
        Assert.Equal("ready", media.GetProperty("metadata").GetProperty("state").GetString());
    }

    private static List<string> RenditionNames(JsonElement media) =>
        media.GetProperty("metadata").TryGetProperty("renditions", out var renditions)
            ? renditions.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList()
            : [];
}
