using System.Net;
using MediaVault.Core.Processing;
using MediaVault.Data;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.ScaleOut;

/// <summary>
/// Two server processes on one PostgreSQL database and one bucket (the scale-out run of test.sh): any request may land
/// on either, work runs once, and a killed instance's jobs are finished by the other. Skipped in the embedded run.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const string SigningKey = "multi-instance-delivery-key-0123456789abcdef";
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-multi-" + Guid.NewGuid().ToString("N"));
    private readonly List<ServerProcess> _servers = [];

    private static bool ScaleOut => TestBackends.Postgres is not null && TestBackends.S3Url is not null;

    [Fact]
    public async Task Uploads_spread_over_two_instances_are_each_processed_exactly_once_and_seen_by_both()
    {
        if (!ScaleOut)
        {
            return;
        }

        var a = await StartAsync("a");
        var b = await StartAsync("b");
        var tenant = "multi-" + Guid.NewGuid().ToString("N")[..8];
        using var onA = Client(a, tenant);
        using var onB = Client(b, tenant);
        var releaseId = await onA.CreateReleaseAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var client = i % 2 == 0 ? onA : onB;
            using var content = ReleaseApi.Files(("files", $"image-{i}.png", TestFiles.Bytes("image.png")));
            using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        });

        var media = await onB.WaitProcessedAsync(releaseId);
        Assert.Equal(200, media.GetArrayLength());
        Assert.All(media.EnumerateArray(), m => Assert.Equal("ready", m.GetProperty("metadata").GetProperty("state").GetString()));
        await using (var db = Database())
        {
            var runs = await db.Jobs.Where(j => j.Kind == JobKinds.ProcessMedia).Select(j => new { j.State, j.Attempts }).ToListAsync();
            Assert.Equal(200, runs.Count);
            Assert.All(runs, r => Assert.Equal((JobState.Succeeded, 1), (r.State, r.Attempts)));
        }

        var mediaId = media[0].GetProperty("cloudId").GetString()!;
        using var deleted = await onA.DeleteAsync($"/releases/{releaseId}/media/{mediaId}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(199, (await onB.ListMediaAsync(releaseId)).GetArrayLength());
        using var anonymous = new HttpClient();
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync(new Uri(b.Address, new Uri(media[0].GetProperty("cloudUrl").GetString()!).PathAndQuery))).StatusCode);
        Assert.Equal(TestFiles.Bytes("image.png"), await anonymous.GetByteArrayAsync(new Uri(a.Address, new Uri(media[1].GetProperty("cloudUrl").GetString()!).PathAndQuery)));
    }

    [Fact]
    public async Task A_tus_upload_started_on_one_instance_finishes_on_the_other()
    {
        if (!ScaleOut)
        {
            return;
        }

        var a = await StartAsync("a");
        var b = await StartAsync("b");
        var tenant = "multi-tus-" + Guid.NewGuid().ToString("N")[..8];
        using var onA = Client(a, tenant);
        using var onB = Client(b, tenant);
        var bytes = TestFiles.Bytes("tone.mp3");

        var url = await onA.CreateUploadUrlAsync(bytes.Length, TusApi.Metadata(("filename", "tone.mp3")));
        using var first = await onA.PatchChunkAsync(url, 0, bytes[..20_000]);
        using var head = await onB.HeadUploadAsync(url);
        using var last = await onB.PatchChunkAsync(url, 20_000, bytes[20_000..]);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("20000", head.Header("Upload-Offset"));
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var media = await onA.WaitStatusAsync(last.Header("Upload-Media-Id"), "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Jobs_of_an_instance_killed_mid_processing_are_finished_by_the_other_after_the_lease()
    {
        if (!ScaleOut)
        {
            return;
        }

        var audio = Path.Combine(_dataPath, "long.mp3");
        Directory.CreateDirectory(_dataPath);
        await GenerateLongAudioAsync(audio);
        var a = await StartAsync("a", "--Jobs:Concurrency=1");
        var tenant = "multi-kill-" + Guid.NewGuid().ToString("N")[..8];
        using var onA = Client(a, tenant);
        var releaseId = await onA.CreateReleaseAsync();
        using (var content = ReleaseApi.Files(("files", "long.mp3", await File.ReadAllBytesAsync(audio))))
        using (var upload = await onA.PostAsync($"/releases/{releaseId}/media/files", content))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await onA.ListMediaAsync(releaseId))[0].GetProperty("metadata").GetProperty("state").GetString() != "processing" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        a.Kill();
        var b = await StartAsync("b");
        using var onB = Client(b, tenant);
        var media = (await onB.WaitProcessedAsync(releaseId))[0];

        Assert.Equal("ready", media.GetProperty("metadata").GetProperty("state").GetString());
        // The media is committed ready by the handler; the worker then records the job's end in its own statement.
        await using var db = Database();
        var job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKinds.ProcessMedia);
        for (var wait = DateTime.UtcNow.AddSeconds(15); job.State == JobState.Running && DateTime.UtcNow < wait; job = await db.Jobs.AsNoTracking().SingleAsync(j => j.Kind == JobKinds.ProcessMedia))
        {
            await Task.Delay(100);
        }

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(2, job.Attempts);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        if (ScaleOut)
        {
            await using var db = Database();
            await db.Database.EnsureDeletedAsync();
        }

        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private async Task<ServerProcess> StartAsync(string name, params string[] extra)
    {
        // Both instances share the database, the bucket (same prefix) and the delivery key; each has its own folder.
        string[] arguments =
        [
            "--environment=Testing",
            $"--DataPath={Path.Combine(_dataPath, name)}",
            $"--Auth:Jwt:SigningKey={ServerFixture.SigningKey}",
            $"--Delivery:SigningKeys:0={SigningKey}",
            "--Jobs:PollInterval=00:00:00.200",
            "--Jobs:LeaseDuration=00:00:06",
            "--Logging:LogLevel:Default=Warning",
            .. TestBackends.Arguments(_dataPath).Select(a => a.StartsWith("--Storage:S3:StagingPath=", StringComparison.Ordinal) ? $"--Storage:S3:StagingPath={Path.Combine(_dataPath, name, "staging")}" : a),
            .. extra,
        ];
        var server = await ServerProcess.StartAsync(arguments);
        _servers.Add(server);
        return server;
    }

    private MediaVaultDbContext Database()
    {
        var connection = TestBackends.Arguments(_dataPath).Single(a => a.StartsWith("--ConnectionStrings:Default=", StringComparison.Ordinal))["--ConnectionStrings:Default=".Length..];
        return new MediaVaultDbContext(new DbContextOptionsBuilder<MediaVaultDbContext>()
            .UseNpgsql(connection, o => o.MigrationsAssembly(DataServiceCollectionExtensions.PostgresMigrationsAssembly)).Options);
    }

    private static HttpClient Client(ServerProcess server, string tenant)
    {
        var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }

    /// <summary>An hour of low-bitrate tone: small to upload, and its waveform decode keeps a worker busy for seconds.</summary>
    private static Task GenerateLongAudioAsync(string path) =>
        TestProcesses.RunAsync("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=300:duration=3600:sample_rate=22050", "-ac", "1", "-b:a", "32k", path);
}
