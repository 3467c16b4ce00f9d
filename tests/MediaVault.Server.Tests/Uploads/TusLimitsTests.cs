using System.Net;
using MediaVault.Core.Storage;
using MediaVault.Server.Api.Uploads.Tus;
using MediaVault.Storage.FileSystem;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>
/// The tenant, global and per-kind caps hold for resumable uploads while they stream, deferred length or not
/// (own server with small caps).
/// </summary>
public sealed class TusLimitsTests : IAsyncLifetime
{
    private const string Small = "tus-small-tenant";
    private const long GlobalCap = 3_000_000;
    private const long TenantCap = 1_000_000;
    private const long ImageCap = 200_000;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-tuslimits-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private Uri _address = null!;

    public async Task InitializeAsync() =>
        (_app, _address) = await ServerFixture.StartAsync(_dataPath,
            $"--Media:MaxFileBytes={GlobalCap}",
            $"--Media:TenantMaxFileBytes:{Small}={TenantCap}",
            $"--Media:MaxBytesByKind:Image={ImageCap}");

    [Fact]
    public async Task A_deferred_upload_past_the_tenant_cap_is_413_while_streaming_and_nothing_is_kept()
    {
        using var client = Client(Small);
        var url = await client.CreateUploadUrlAsync(null, TusApi.Metadata(("filename", "long.mp3")));

        using var patch = await client.PatchChunkAsync(url, 0, Padded("tone.mp3", TenantCap + 1));
        using var head = await client.HeadUploadAsync(url);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, patch.StatusCode);
        Assert.Equal("text/plain", patch.Content.Headers.ContentType?.MediaType);
        Assert.Contains(TenantCap.ToString(System.Globalization.CultureInfo.InvariantCulture), await patch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Empty(TusFiles());
    }

    [Fact]
    public async Task A_deferred_upload_is_stopped_by_the_global_cap_across_chunks()
    {
        using var client = Client("tus-big-" + Guid.NewGuid().ToString("N")[..8]);
        var url = await client.CreateUploadUrlAsync(null, TusApi.Metadata(("filename", "long.mp3")));
        var chunk = Padded("tone.mp3", 1_000_000);
        var statuses = new List<HttpStatusCode>();

        for (var offset = 0L; offset <= GlobalCap; offset += chunk.Length)
        {
            using var patch = await client.PatchChunkAsync(url, offset, chunk);
            statuses.Add(patch.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.RequestEntityTooLarge], statuses);
        using var head = await client.HeadUploadAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Empty(TusFiles());
    }

    [Fact]
    public async Task A_deferred_image_is_stopped_at_the_image_cap_once_its_first_bytes_are_sniffed()
    {
        using var client = Client("tus-img-" + Guid.NewGuid().ToString("N")[..8]);
        var url = await client.CreateUploadUrlAsync(null, TusApi.Metadata(("filename", "big.png")));

        using var patch = await client.PatchChunkAsync(url, 0, Padded("image.png", ImageCap + 50_000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, patch.StatusCode);
        Assert.Contains(ImageCap.ToString(System.Globalization.CultureInfo.InvariantCulture), await patch.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(TusFiles());
    }

    [Fact]
    public async Task A_deferred_image_whose_first_bytes_came_in_an_earlier_chunk_is_stopped_at_the_image_cap()
    {
        using var client = Client("tus-img2-" + Guid.NewGuid().ToString("N")[..8]);
        var url = await client.CreateUploadUrlAsync(null, TusApi.Metadata(("filename", "big.png")));
        var bytes = Padded("image.png", ImageCap + 50_000);

        using var first = await client.PatchChunkAsync(url, 0, bytes[..100_000]);
        using var second = await client.PatchChunkAsync(url, 100_000, bytes[100_000..]);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
        Assert.Empty(TusFiles());
    }

    [Fact]
    public async Task A_declared_length_over_the_tenant_or_global_cap_is_refused_at_creation()
    {
        using var small = Client(Small);
        using var other = Client("tus-decl-" + Guid.NewGuid().ToString("N")[..8]);

        using var overTenant = await small.CreateUploadAsync(TenantCap + 1, TusApi.Metadata(("filename", "a.mp3")));
        using var overGlobal = await other.CreateUploadAsync(GlobalCap + 1, TusApi.Metadata(("filename", "a.mp3")));
        using var underGlobal = await other.CreateUploadAsync(GlobalCap, TusApi.Metadata(("filename", "a.mp3")));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overTenant.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overGlobal.StatusCode);
        Assert.Equal(HttpStatusCode.Created, underGlobal.StatusCode);
    }

    [Fact]
    public async Task A_length_given_late_over_the_tenant_cap_is_413()
    {
        using var client = Client(Small);
        var url = await client.CreateUploadUrlAsync(null, TusApi.Metadata(("filename", "a.mp3")));

        using var patch = await client.PatchChunkAsync(url, 0, Padded("tone.mp3", 50_000), length: TenantCap + 1);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, patch.StatusCode);
    }

    [Fact]
    public async Task A_deferred_upload_within_the_caps_still_completes()
    {
        using var client = Client(Small);
        var bytes = TestFiles.Bytes("tone.mp3");
        var url = await client.CreateUploadUrlAsync(null, TusApi.Metadata(("filename", "tone.mp3")));

        using var patch = await client.PatchChunkAsync(url, 0, bytes, length: bytes.Length);

        Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        Assert.False(string.IsNullOrEmpty(patch.Header("Upload-Media-Id")));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Directory.Delete(_dataPath, recursive: true);
    }

    /// <summary>A sample file followed by zeros up to <paramref name="length"/> bytes (sniffs as the sample's type).</summary>
    private static byte[] Padded(string sample, long length)
    {
        var bytes = new byte[length];
        TestFiles.Bytes(sample).CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>The bytes of unfinished uploads on the filesystem backend (the blob backend keeps them as objects).</summary>
    private string[] TusFiles()
    {
        var folder = Path.Combine(_app!.Services.GetRequiredService<IStagingArea>().Folder, FileSystemTusChunkStore.FolderName);
        return TestBackends.UsesFileSystem && Directory.Exists(folder) ? Directory.GetFiles(folder).Where(f => new FileInfo(f).Length > 0).ToArray() : [];
    }

    private HttpClient Client(string tenant)
    {
        var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }
}
