using System.Text;
using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// A media that fails processing tells clients a plain sentence and a stable code on every surface (release metadata,
/// library Get a Media, the web page's detail), never a server path or a tool's error output.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FailureReasonTests(ServerFixture server)
{
    private static readonly string[] ToolWords = ["ffprobe", "ffmpeg", "pdfinfo", "pdftoppm", "vips", "Invalid data", "moov", "Syntax Error", "original"];

    [Theory]
    [InlineData("garbage.jpg")]
    [InlineData("broken.mp4")]
    [InlineData("broken.pdf")]
    public async Task A_broken_file_fails_with_a_plain_sentence_and_the_unreadable_media_code_on_every_surface(string file)
    {
        using var client = server.CreateTenantClient(out _);
        var (metadata, mediaId) = await UploadAndProcessAsync(client, file, Sample(file));

        Assert.Equal("failed", metadata.GetProperty("state").GetString());
        Assert.Equal("unreadable_media", metadata.GetProperty("failureCode").GetString());
        AssertPlain(metadata.GetProperty("failureReason").GetString());

        var library = await (await client.GetAsync($"/v2/media/{mediaId}")).ReadJsonAsync();
        Assert.Equal("ERROR", library.GetProperty("status").GetString());
        Assert.Equal("unreadable_media", library.GetProperty("failureCode").GetString());
        AssertPlain(library.GetProperty("reason").GetString());

        var detail = await (await client.GetAsync($"/api/media/{mediaId}")).ReadJsonAsync();
        Assert.Equal("unreadable_media", detail.GetProperty("failureCode").GetString());
        AssertPlain(detail.GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task An_image_with_too_many_pixels_fails_with_the_too_many_pixels_code()
    {
        using var client = server.CreateTenantClient(out _);
        var (metadata, mediaId) = await UploadAndProcessAsync(client, "bomb.png", TestFiles.Bytes("bomb.png"));

        Assert.Equal("too_many_pixels", metadata.GetProperty("failureCode").GetString());
        AssertPlain(metadata.GetProperty("failureReason").GetString());
        var library = await (await client.GetAsync($"/v2/media/{mediaId}")).ReadJsonAsync();
        Assert.Equal("too_many_pixels", library.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task A_password_protected_pdf_is_ready_and_encrypted_without_a_preview()
    {
        using var client = server.CreateTenantClient(out _);
        var (metadata, mediaId) = await UploadAndProcessAsync(client, "encrypted.pdf", TestFiles.Bytes("encrypted.pdf"));

        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.True(metadata.GetProperty("encrypted").GetBoolean());
        Assert.False(metadata.TryGetProperty("failureCode", out _));
        Assert.False(metadata.TryGetProperty("pageCount", out _));
        Assert.False(metadata.TryGetProperty("renditions", out _));
        Assert.Equal(TestFiles.Bytes("encrypted.pdf").Length, metadata.GetProperty("fileSize").GetInt64());
        var library = await (await client.GetAsync($"/v2/media/{mediaId}")).ReadJsonAsync();
        Assert.Equal("SUCCESS", library.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_pdf_with_only_an_owner_password_is_ready_encrypted_with_its_pages_and_preview()
    {
        using var client = server.CreateTenantClient(out _);
        var (metadata, _) = await UploadAndProcessAsync(client, "owner-protected.pdf", TestFiles.Bytes("owner-protected.pdf"));

        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.True(metadata.GetProperty("encrypted").GetBoolean());
        Assert.Equal(3, metadata.GetProperty("pageCount").GetInt32());
        Assert.Contains(metadata.GetProperty("renditions").EnumerateArray(), r => r.GetProperty("name").GetString() == "thumb-256.webp");
    }

    [Fact]
    public async Task Audio_longer_than_allowed_fails_with_the_too_long_code()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "mediavault-toolong-" + Guid.NewGuid().ToString("N"));
        var (app, address) = await ServerFixture.StartAsync(dataPath, "--Processing:MaxDurationSeconds=1");
        try
        {
            using var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("toolong-" + Guid.NewGuid().ToString("N")[..8], ["admin"]));
            var (metadata, _) = await UploadAndProcessAsync(client, "tone-2s.wav", TestFiles.Bytes("tone-2s.wav"));

            Assert.Equal("failed", metadata.GetProperty("state").GetString());
            Assert.Equal("too_long", metadata.GetProperty("failureCode").GetString());
            Assert.Equal("The media is longer than this server accepts.", metadata.GetProperty("failureReason").GetString());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task A_ready_media_has_no_failure_code()
    {
        using var client = server.CreateTenantClient(out _);
        var (metadata, mediaId) = await UploadAndProcessAsync(client, "image.png", TestFiles.Bytes("image.png"));

        Assert.Equal("ready", metadata.GetProperty("state").GetString());
        Assert.False(metadata.TryGetProperty("failureCode", out _));
        var library = await (await client.GetAsync($"/v2/media/{mediaId}")).ReadJsonAsync();
        Assert.Equal(JsonValueKind.Null, library.GetProperty("failureCode").ValueKind);
    }

    private static void AssertPlain(string? reason)
    {
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain('/', reason);
        Assert.All(ToolWords, word => Assert.DoesNotContain(word, reason, StringComparison.OrdinalIgnoreCase));
        Assert.EndsWith(".", reason, StringComparison.Ordinal);
    }

    private static async Task<(JsonElement Metadata, string MediaId)> UploadAndProcessAsync(HttpClient client, string name, byte[] bytes)
    {
        var releaseId = await client.CreateReleaseAsync();
        using (var content = ReleaseApi.Files(("files", name, bytes)))
        using (var upload = await client.PostAsync($"/releases/{releaseId}/media/files", content))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, upload.StatusCode);
        }

        var media = (await client.WaitProcessedAsync(releaseId))[0];
        return (media.GetProperty("metadata"), media.GetProperty("cloudId").GetString()!);
    }

    /// <summary>Sample files, and two made here: an MP4 header over junk (ffprobe fails) and a PDF header over junk (pdfinfo fails).</summary>
    private static byte[] Sample(string name) => name switch
    {
        "broken.mp4" => [.. "\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2"u8, .. Junk(4096)],
        "broken.pdf" => [.. Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n"), .. Junk(2048)],
        _ => TestFiles.Bytes(name),
    };

    private static byte[] Junk(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7919) % 251))];
}
