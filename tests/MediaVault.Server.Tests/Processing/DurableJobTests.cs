using System.Net;
using MediaVault.Core.Storage;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Processing;

/// <summary>Jobs survive a stopped server and keep failing work bounded. Each test runs its own servers over its own folder.</summary>
public sealed class DurableJobTests : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-durable-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_job_left_by_a_stopped_server_completes_after_restart()
    {
        string releaseId;
        var tenant = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var (first, firstAddress) = await ServerFixture.StartAsync(_dataPath, "--Jobs:Concurrency=0");
        await using (first)
        {
            using var client = Client(firstAddress, tenant);
            releaseId = await client.CreateReleaseAsync();
            await client.UploadAsync(releaseId, "tone.mp3");
            var state = (await client.ListMediaAsync(releaseId))[0].GetProperty("metadata").GetProperty("state").GetString();
            Assert.Equal("uploaded", state);
            await first.StopAsync();
        }

        var (second, secondAddress) = await ServerFixture.StartAsync(_dataPath);
        await using (second)
        {
            using var client = Client(secondAddress, tenant);
            var media = (await client.WaitProcessedAsync(releaseId))[0];
            Assert.Equal("ready", media.GetProperty("metadata").GetProperty("state").GetString());
            Assert.Equal("mp3", media.GetProperty("metadata").GetProperty("codec").GetString());
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task A_job_that_fails_three_times_marks_its_media_failed_with_the_reason()
    {
        var tenant = "fail-" + Guid.NewGuid().ToString("N")[..8];
        string releaseId;
        var (first, firstAddress) = await ServerFixture.StartAsync(_dataPath, "--Jobs:Concurrency=0");
        await using (first)
        {
            using var client = Client(firstAddress, tenant);
            releaseId = await client.CreateReleaseAsync();
            await client.UploadAsync(releaseId, "tone.mp3");
            await first.StopAsync();

            // The stored original vanishes behind the service's back: every attempt fails the same way.
            var store = first.Services.GetRequiredService<IBlobStore>();
            foreach (var blob in store.ListAsync(StorageArea.Temporary, CancellationToken.None).ToBlockingEnumerable().ToList())
            {
                await store.DeleteAsync(blob.Key, CancellationToken.None);
            }
        }

        var (second, secondAddress) = await ServerFixture.StartAsync(_dataPath, "--Jobs:RetryBaseDelay=00:00:00.100");
        await using (second)
        {
            using var client = Client(secondAddress, tenant);
            var media = (await client.WaitProcessedAsync(releaseId))[0];
            var metadata = media.GetProperty("metadata");
            Assert.Equal("failed", metadata.GetProperty("state").GetString());
            Assert.Equal("processing_failed", metadata.GetProperty("failureCode").GetString());
            Assert.Equal("The media could not be processed; uploading it again may help.", metadata.GetProperty("failureReason").GetString());
            using var health = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            await second.StopAsync();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }

        return Task.CompletedTask;
    }

    private static HttpClient Client(Uri address, string tenant)
    {
        var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }
}
