using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>Per-tenant and per-kind limits on every upload path, and flat memory for a 4 GiB upload (own server, run alone).</summary>
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
            "--Media:MaxBytesByKind:Image=1000");

    [Fact]
    public async Task A_tenant_limit_is_413_on_the_release_surface_and_keeps_nothing()
    {
        using var client = Client(Limited);
        var releaseId = await client.CreateReleaseAsync();

        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", ReleaseApi.SampleFiles("tone.mp3"));

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(Originals());
        Assert.Empty(Directory.GetFiles(Store.StagingDirectory));
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
    public async Task Memory_stays_flat_while_4_GiB_stream_through_the_library_put()
    {
        const long size = 4L * 1024 * 1024 * 1024;
        using var client = Client("memory-" + Guid.NewGuid().ToString("N")[..8]);
        using var anonymous = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(10) };
        await PutGeneratedAsync(client, anonymous, 64L * 1024 * 1024);
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

        var id = await PutGeneratedAsync(client, anonymous, size);
        await sampling.CancelAsync();
        await sampler;

        var growthMiB = (peak - baseline) / (1024.0 * 1024);
        Assert.True(growthMiB < 64, $"working set grew by {growthMiB:0.0} MiB during a 4 GiB upload");
        var stored = Originals().Single(b => b.Key.MediaId == id);
        Assert.Equal(size, stored.Size);
        using (await client.DeleteAsync($"/v2/media/{id}"))
        {
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
        var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }

    /// <summary>An MP4 header followed by a repeating pattern, produced on the fly (nothing of its size is ever held).</summary>
    private sealed class GeneratedVideoStream(long length) : Stream
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
                var at = _position + i;
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
