using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>Per-tenant and per-kind limits on every upload path, and flat memory for a 4 GiB upload (own server, run alone; smaller on S3, see <see cref="Scaled"/>).</summary>
[Collection(SerialCollection.Name)]
public sealed class LimitsAndMemoryTests : IAsyncLifetime
{
    private const string Limited = "limited-tenant";
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-limits-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private Uri _address = null!;

    public async Task InitializeAsync() =>
        (_app, _address) = await ServerFixture.StartAsync(_dataPath,
            "--Media:MaxFileBytes=8589934592",
            $"--Media:TenantMaxFileBytes:{Limited}=20000",
            "--Media:MaxBytesByKind:Image=1000",
            "--Catalog:MaxVideoBytes=8589934592");

    [Fact]
    public async Task A_tenant_limit_is_413_on_the_release_surface_and_keeps_nothing()
    {
        using var client = Client(Limited);
        var releaseId = await client.CreateReleaseAsync();

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3"));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(Originals());
        Assert.Empty(Directory.GetFiles(_app!.Services.GetRequiredService<IStagingArea>().Folder));
    }

    [Fact]
    public async Task A_kind_limit_is_413_on_the_catalog_and_tus_and_refused_at_library_creation()
    {
        var tenant = "kinds-" + Guid.NewGuid().ToString("N")[..8];
        using var client = Client(tenant);
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, tenant);
        using var content = new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Bytes("image.jpg")), "file", "image.jpg" } };

        using var catalog = await client.PostAsync("/rest/api/medias", content);
        using var library = await client.PostAsJsonAsync("/v2/media", new { name = "image.jpg", type = "image/jpeg", fileSize = 1980 });
        var url = await client.CreateUploadUrlAsync(1980, TusApi.Metadata(("filename", "image.jpg")));
        using var tus = await client.PatchChunkAsync(url, 0, TestFiles.Bytes("image.jpg"));
        using var audioIsFine = await client.PostAsync("/rest/api/medias", new MultipartFormDataContent { { new ByteArrayContent(TestFiles.Bytes("tone.mp3")), "file", "tone.mp3" } });

        await catalog.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await library.AssertLibraryErrorAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tus.StatusCode);
        Assert.Equal(HttpStatusCode.Created, audioIsFine.StatusCode);
    }

    [Fact]
    public async Task Memory_stays_flat_while_gigabytes_stream_through_the_library_put()
    {
        var size = Scaled(4L * 1024 * 1024 * 1024);
        using var client = Client("memory-" + Guid.NewGuid().ToString("N")[..8]);
        using var anonymous = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(10) };
        await PutGeneratedAsync(client, anonymous, 64L * 1024 * 1024);
        var id = "";
        var growthMiB = await MeasureGrowthAsync(async () => id = await PutGeneratedAsync(client, anonymous, size));

        Assert.True(growthMiB < 64, $"working set grew by {growthMiB:0.0} MiB during a {size >> 20} MiB upload");
        var stored = Originals().Single(b => b.Key.MediaId == id);
        Assert.Equal(size, stored.Size);
        using (await client.DeleteAsync($"/v2/media/{id}"))
        {
        }
    }

    [Theory]
    [InlineData("release")]
    [InlineData("catalog")]
    [InlineData("tus")]
    public async Task Memory_stays_flat_while_a_gigabyte_streams_through_every_other_upload_path(string path)
    {
        var size = Scaled(1L * 1024 * 1024 * 1024);
        var tenant = "memory-" + Guid.NewGuid().ToString("N")[..8];
        using var client = Client(tenant);
        client.DefaultRequestHeaders.Add(CatalogApi.OrgHeader, tenant);
        var releaseId = await client.CreateReleaseAsync();
        await UploadThroughAsync(client, path, releaseId, 64L * 1024 * 1024);
        var growth = await MeasureGrowthAsync(() => UploadThroughAsync(client, path, releaseId, size));

        Assert.True(growth < 64, $"working set grew by {growth:0.0} MiB during a {size >> 20} MiB {path} upload");
        Assert.Contains(Originals(), b => b.Size == size);
    }

    /// <summary>
    /// The embedded run streams the full size. The scale-out run streams a quarter of it: its S3 (a test gateway) writes
    /// every byte twice through its journal, and a quarter is still 4–16 times the 64 MiB the growth must stay under, so a
    /// body held in memory fails there too.
    /// </summary>
    private static long Scaled(long size) => TestBackends.UsesFileSystem ? size : size / 4;

    private static async Task<double> MeasureGrowthAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(100);
            }
        });
        await work();
        await sampling.CancelAsync();
        await sampler;
        return (peak - baseline) / (1024.0 * 1024);
    }

    private static async Task UploadThroughAsync(HttpClient client, string path, string releaseId, long size)
    {
        switch (path)
        {
            case "release":
            case "catalog":
                using (var content = new MultipartFormDataContent())
                {
                    var file = new StreamContent(new GeneratedVideoStream(size), 1024 * 1024);
                    file.Headers.ContentLength = size;
                    content.Add(file, path == "release" ? "files" : "file", "huge.mp4");
                    using var response = await client.PostAsync(path == "release" ? $"/releases/{releaseId}/media/files" : "/rest/api/medias", content);
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }

                break;
            default:
                var url = await client.CreateUploadUrlAsync(size, TusApi.Metadata(("filename", "huge.mp4")));
                const long chunk = 256L * 1024 * 1024;
                for (long offset = 0; offset < size; offset += chunk)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Patch, url);
                    var length = Math.Min(chunk, size - offset);
                    request.Content = new StreamContent(new GeneratedVideoStream(length, offset), 1024 * 1024);
                    request.Content.Headers.ContentLength = length;
                    request.Content.Headers.ContentType = new("application/offset+octet-stream");
                    request.Headers.Add("Tus-Resumable", "1.0.0");
                    request.Headers.Add("Upload-Offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    using var response = await client.SendAsync(request);
                    Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
                }

                break;
        }
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

    private async Task<string> PutGeneratedAsync(HttpClient client, HttpClient anonymous, long size)
    {
        using var create = await client.PostAsJsonAsync("/v2/media", new { name = "huge.mp4", type = "video/mp4", fileSize = size });
        var created = await create.ReadJsonAsync();
        using var body = new StreamContent(new GeneratedVideoStream(size), 1024 * 1024);
        body.Headers.ContentLength = size;
        body.Headers.ContentType = new("application/octet-stream");
        using var put = await anonymous.PutAsync(created.GetProperty("uploadUrl").GetString(), body);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        return created.GetProperty("id").GetString()!;
    }

    private IBlobStore Store => _app!.Services.GetRequiredService<IBlobStore>();

    private List<BlobInfo> Originals() =>
        new[] { StorageArea.Temporary, StorageArea.Permanent }
            .SelectMany(area => Store.ListAsync(area, CancellationToken.None).ToBlockingEnumerable())
            .Where(b => b.Key.Name == BlobKey.OriginalName)
            .ToList();

    private HttpClient Client(string tenant)
    {
        var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }

    /// <summary>An MP4 header followed by a repeating pattern, produced on the fly (nothing of its size is ever held).</summary>
    private sealed class GeneratedVideoStream(long length, long start = 0) : Stream
    {
        private static readonly byte[] Header = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2', 0, 0, 0, 0, (byte)'m', (byte)'p', (byte)'4', (byte)'2', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = start + _position + i;
                buffer[i] = at < Header.Length ? Header[at] : (byte)(at * 31);
            }

            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
