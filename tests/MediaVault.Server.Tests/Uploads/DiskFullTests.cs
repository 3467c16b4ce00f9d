using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MediaVault.Core.Storage;
using MediaVault.Server.Api.Uploads.Tus;
using MediaVault.Storage.FileSystem;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>
/// A data folder on a disk that is really full (a small tmpfs): every upload path answers 507 in its own error shape,
/// keeps nothing it staged, leaves no lock behind, and works again by itself once space is freed.
/// </summary>
public sealed class DiskFullTests(FullDiskServerFixture server) : IClassFixture<FullDiskServerFixture>, IDisposable
{
    private static readonly byte[] Big = Padded("tone.mp3", 4 * 1024 * 1024);

    [TmpfsFact]
    public async Task A_release_upload_on_a_full_disk_is_507_in_the_release_shape_and_works_once_space_returns()
    {
        using var client = server.Client(Tenant());
        var releaseId = await client.CreateReleaseAsync();
        server.Fill();

        using var full = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.Files(("files", "big.mp3", Big)));

        var message = await full.AssertErrorAsync(HttpStatusCode.InsufficientStorage);
        AssertNamesNoPath(message);
        Assert.Empty(StagingFiles());
        server.Free();
        using var again = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.Files(("files", "big.mp3", Big)));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [TmpfsFact]
    public async Task A_catalog_upload_on_a_full_disk_is_a_507_problem_and_works_once_space_returns()
    {
        var tenant = Tenant();
        using var client = server.Client(tenant);
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, tenant);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/ld+json"));
        server.Fill();

        using var full = await client.PostAsync("/rest/api/medias", CatalogFile());

        var problem = await full.AssertProblemAsync(HttpStatusCode.InsufficientStorage);
        AssertNamesNoPath(problem.GetProperty("detail").GetString()!);
        Assert.Empty(StagingFiles());
        server.Free();
        using var again = await client.PostAsync("/rest/api/medias", CatalogFile());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [TmpfsFact]
    public async Task A_library_put_on_a_full_disk_is_507_in_the_library_shape_and_the_url_works_once_space_returns()
    {
        using var client = server.Client(Tenant());
        using var create = await client.PostAsJsonAsync("/v2/media", new { name = "big.mp3", type = "audio/mpeg", fileSize = Big.Length });
        var uploadUrl = (await create.ReadJsonAsync()).GetProperty("uploadUrl").GetString()!;
        using var anonymous = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = server.BaseAddress };
        server.Fill();

        using var full = await anonymous.PutBytesAsync(uploadUrl, Big);

        Assert.Equal("insufficient_storage", await full.AssertLibraryErrorAsync(HttpStatusCode.InsufficientStorage));
        AssertNamesNoPath((await full.ReadJsonAsync()).GetProperty("message").GetString()!);
        Assert.Empty(StagingFiles());
        server.Free();
        using var again = await anonymous.PutBytesAsync(uploadUrl, Big);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [TmpfsFact]
    public async Task A_tus_chunk_on_a_full_disk_is_507_keeps_the_acknowledged_offset_and_resumes_once_space_returns()
    {
        using var client = server.Client(Tenant());
        using var stranger = server.Client(Tenant());
        var url = await client.CreateUploadUrlAsync(Big.Length, TusApi.Metadata(("filename", "big.mp3")));
        using (var first = await client.PatchChunkAsync(url, 0, Big[..100_000]))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        server.Fill();
        using var full = await client.PatchChunkAsync(url, 100_000, Big[100_000..]);
        using var head = await client.HeadUploadAsync(url);
        using var otherTenant = await stranger.CreateUploadAsync(Big.Length, TusApi.Metadata(("filename", "big.mp3")), Big);

        Assert.Equal(HttpStatusCode.InsufficientStorage, full.StatusCode);
        Assert.Equal("text/plain", full.Content.Headers.ContentType?.MediaType);
        AssertNamesNoPath(await full.Content.ReadAsStringAsync());
        Assert.Equal("100000", head.Header("Upload-Offset"));
        Assert.Equal(HttpStatusCode.InsufficientStorage, otherTenant.StatusCode);
        if (TestBackends.UsesFileSystem)
        {
            Assert.Equal(100_000, new FileInfo(Path.Combine(server.Services.GetRequiredService<IStagingArea>().Folder, FileSystemTusChunkStore.FolderName, url.Split('/')[^1] + ".bin")).Length);
        }

        server.Free();
        using var resumed = await client.PatchChunkAsync(url, 100_000, Big[100_000..]);
        Assert.Equal(HttpStatusCode.NoContent, resumed.StatusCode);
        Assert.False(string.IsNullOrEmpty(resumed.Header("Upload-Media-Id")));
    }

    [TmpfsFact]
    public async Task Health_ready_is_unhealthy_and_names_the_free_bytes_below_the_floor()
    {
        using var anonymous = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = server.BaseAddress };
        server.Fill();

        using var low = await anonymous.GetAsync("/health/ready");
        var body = await low.Content.ReadAsStringAsync();
        server.Free();
        using var fine = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, low.StatusCode);
        Assert.Contains("Low disk space", body, StringComparison.Ordinal);
        Assert.Contains(" bytes free", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [TmpfsFact(EmbeddedDatabase = true)]
    public async Task A_database_write_on_a_full_disk_is_507_in_the_surface_shape_not_500()
    {
        using var client = server.Client(Tenant());
        server.Fill(leaveFree: 0);

        // SQLite first fills the pages its write-ahead log already has; the write that needs a new one fails.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5000 && refused is null; i++)
        {
            var created = await client.PostAsJsonAsync("/v2/media", new { name = $"n{i}.mp3", type = "audio/mpeg", fileSize = 1000 });
            if (created.StatusCode == HttpStatusCode.Created)
            {
                created.Dispose();
                continue;
            }

            refused = created;
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.Equal("insufficient_storage", await refused.AssertLibraryErrorAsync(HttpStatusCode.InsufficientStorage));
            AssertNamesNoPath((await refused.ReadJsonAsync()).GetProperty("message").GetString()!);
        }

        using var release = await client.PostAsJsonAsync("/releases", new { title = "Full", displayArtist = "A", format = "Single", type = "Audio" });
        AssertNamesNoPath(await release.AssertErrorAsync(HttpStatusCode.InsufficientStorage));
        server.Free();
        using var again = await client.PostAsJsonAsync("/releases", new { title = "Free", displayArtist = "A", format = "Single", type = "Audio" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    /// <summary>Space always comes back, even when an assertion failed half-way.</summary>
    public void Dispose() => server.Free();

    private static void AssertNamesNoPath(string message)
    {
        Assert.DoesNotContain("/tmp", message, StringComparison.Ordinal);
        Assert.DoesNotContain(".part", message, StringComparison.Ordinal);
        Assert.Contains("storage space", message, StringComparison.Ordinal);
    }

    private string[] StagingFiles()
    {
        var staging = server.Services.GetRequiredService<IStagingArea>().Folder;
        return Directory.Exists(staging) ? Directory.GetFiles(staging, "*.part") : [];
    }

    private static MultipartFormDataContent CatalogFile()
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Big), "file", "big.mp3");
        return content;
    }

    private static string Tenant() => "full-" + Guid.NewGuid().ToString("N")[..10];

    private static byte[] Padded(string sample, int length)
    {
        var bytes = new byte[length];
        TestFiles.Bytes(sample).CopyTo(bytes, 0);
        return bytes;
    }
}
