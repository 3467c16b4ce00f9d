using System.Diagnostics;
using System.Net;
using MediaVault.Core.Processing;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// A server process stopped mid-job, gracefully (SIGTERM, as a deploy does) or not (SIGKILL), and a new process on the
/// same data folder: the job is taken again within seconds, not after its 5-minute lease. The job is a PDF whose page
/// never finishes rendering, so it is reliably mid-run when the first process goes.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class JobRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30);
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-restart-" + Guid.NewGuid().ToString("N"));
    private readonly List<ServerProcess> _servers = [];

    [Fact]
    public async Task A_job_running_at_SIGTERM_is_handed_back_and_done_by_the_next_process_within_seconds()
    {
        var tenant = "sigterm-" + Guid.NewGuid().ToString("N")[..8];
        var first = await StartAsync("--Processing:PageRenderTimeout=00:05:00");
        var releaseId = await UploadHostilePdfAsync(first, tenant);
        await WaitRunningAsync();

        await first.TerminateAsync();
        await using (var db = TestDatabase.Open(_dataPath))
        {
            var handedBack = await db.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia);
            Assert.Equal((JobState.Queued, 0, null), (handedBack.State, handedBack.Attempts, handedBack.LeaseOwner));
        }

        var second = await StartAsync("--Processing:PageRenderTimeout=00:00:02");
        var elapsed = await WaitSettledAsync();

        Assert.True(elapsed < Soon, $"took {elapsed}");
        await using (var db = TestDatabase.Open(_dataPath))
        {
            Assert.Equal(1, (await db.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia)).Attempts);
        }

        using var client = Client(second, tenant);
        var metadata = (await client.ListMediaAsync(releaseId))[0].GetProperty("metadata");
        Assert.Equal("failed", metadata.GetProperty("state").GetString());
        Assert.Equal("processing_timeout", metadata.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task A_job_running_when_the_process_is_killed_is_reclaimed_at_once_by_the_same_instance_restarted()
    {
        var tenant = "sigkill-" + Guid.NewGuid().ToString("N")[..8];
        var first = await StartAsync("--Processing:PageRenderTimeout=00:05:00");
        await UploadHostilePdfAsync(first, tenant);
        await WaitRunningAsync();

        first.Kill();
        await using (var db = TestDatabase.Open(_dataPath))
        {
            var stranded = await db.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia);
            Assert.Equal(JobState.Running, stranded.State);
            Assert.True(stranded.LeaseExpiresAt > DateTime.UtcNow.AddMinutes(4), "the lease still has minutes to run");
        }

        await StartAsync("--Processing:PageRenderTimeout=00:00:02");
        var elapsed = await WaitSettledAsync();

        Assert.True(elapsed < Soon, $"took {elapsed}");
        await using var after = TestDatabase.Open(_dataPath);
        var job = await after.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia);
        Assert.Equal((JobState.Failed, 2), (job.State, job.Attempts));
    }

    [Fact]
    public async Task A_job_whose_every_attempt_died_with_its_process_is_given_up_not_run_again()
    {
        var tenant = "crashloop-" + Guid.NewGuid().ToString("N")[..8];
        var first = await StartAsync("--Processing:PageRenderTimeout=00:05:00");
        var releaseId = await UploadHostilePdfAsync(first, tenant);
        await WaitRunningAsync();

        first.Kill();
        await using (var db = TestDatabase.Open(_dataPath))
        {
            // The earlier attempts died the same way: this run was the last one the job allows.
            var stranded = await db.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia);
            Assert.Equal(JobState.Running, stranded.State);
            await db.Jobs.Where(j => j.Id == stranded.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Attempts, j => j.MaxAttempts));
        }

        var second = await StartAsync("--Processing:PageRenderTimeout=00:00:02");
        var elapsed = await WaitSettledAsync();

        Assert.True(elapsed < Soon, $"took {elapsed}");
        await using (var after = TestDatabase.Open(_dataPath))
        {
            var job = await after.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia);
            Assert.Equal((JobState.Failed, job.MaxAttempts + 1), (job.State, job.Attempts));
            Assert.Contains("never finished", job.LastError, StringComparison.Ordinal);
        }

        // Not run again: a run would have ended in the 2-second page render timeout instead.
        using var client = Client(second, tenant);
        var metadata = (await client.ListMediaAsync(releaseId))[0].GetProperty("metadata");
        Assert.Equal("failed", metadata.GetProperty("state").GetString());
        Assert.Equal("processing_failed", metadata.GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task A_second_process_on_the_same_data_folder_does_not_reclaim_the_running_ones_jobs()
    {
        var tenant = "shared-" + Guid.NewGuid().ToString("N")[..8];
        var first = await StartAsync("--Processing:PageRenderTimeout=00:05:00");
        await UploadHostilePdfAsync(first, tenant);
        var owner = await WaitRunningAsync();

        await StartAsync("--Jobs:Concurrency=1");
        await Task.Delay(TimeSpan.FromSeconds(2));

        await using var db = TestDatabase.Open(_dataPath);
        var job = await db.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia);
        Assert.Equal((JobState.Running, owner, 1), (job.State, job.LeaseOwner, job.Attempts));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        if (TestBackends.Postgres is not null)
        {
            await using var db = TestDatabase.Open(_dataPath);
            await db.Database.EnsureDeletedAsync();
        }

        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private async Task<ServerProcess> StartAsync(params string[] extra)
    {
        // The default 5-minute lease: without hand-back or reclaim, the job would wait for it.
        string[] arguments =
        [
            "--environment=Testing",
            $"--DataPath={_dataPath}",
            $"--Auth:Jwt:SigningKey={ServerFixture.SigningKey}",
            "--Jobs:PollInterval=00:00:00.200",
            "--Jobs:Concurrency=1",
            "--Logging:LogLevel:Default=Warning",
            .. TestBackends.Arguments(_dataPath),
            .. extra,
        ];
        var server = await ServerProcess.StartAsync(arguments);
        _servers.Add(server);
        return server;
    }

    private static async Task<string> UploadHostilePdfAsync(ServerProcess server, string tenant)
    {
        using var client = Client(server, tenant);
        var releaseId = await client.CreateReleaseAsync();
        using var content = ReleaseApi.Files(("files", "nested.pdf", HostilePdf.Create()));
        using var upload = await client.PostAsync($"/releases/{releaseId}/media/files", content);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        return releaseId;
    }

    /// <summary>Waits until the job is leased and its renderer has had a moment to start; returns the lease owner.</summary>
    private async Task<string> WaitRunningAsync()
    {
        var deadline = DateTime.UtcNow + Soon;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = TestDatabase.Open(_dataPath);
            if (await db.Jobs.SingleOrDefaultAsync(j => j.Kind == JobKinds.ProcessMedia && j.State == JobState.Running) is { LeaseOwner: { } owner })
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                return owner;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The job was never leased.");
    }

    /// <summary>Waits until the job has settled (succeeded or failed) and returns how long that took.</summary>
    private async Task<TimeSpan> WaitSettledAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromMinutes(2))
        {
            await using var db = TestDatabase.Open(_dataPath);
            if (await db.Jobs.AnyAsync(j => j.Kind == JobKinds.ProcessMedia && (j.State == JobState.Succeeded || j.State == JobState.Failed)))
            {
                return stopwatch.Elapsed;
            }

            await Task.Delay(200);
        }

        return stopwatch.Elapsed;
    }

    private static HttpClient Client(ServerProcess server, string tenant)
    {
        var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }
}
