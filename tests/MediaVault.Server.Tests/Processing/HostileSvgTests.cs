using System.Diagnostics;
using System.Net;
using MediaVault.Core.Processing;
using MediaVault.Data;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Hostile;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// A one-kilobyte SVG of nested filters, which librsvg would draw for minutes, fails once within the render budget
/// (it is drawn in a process of its own that is killed), and the worker goes on to the next media.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class HostileSvgTests : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-hostile-svg-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private Uri _address = null!;

    [Fact]
    public async Task An_svg_of_nested_filters_fails_after_one_attempt_within_the_render_budget_and_the_next_image_is_ready()
    {
        (_app, _address) = await ServerFixture.StartAsync(_dataPath, "--Processing:PageRenderTimeout=00:00:03", "--Jobs:Concurrency=1");
        using var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("svg-" + Guid.NewGuid().ToString("N")[..8], ["admin"]));
        var hostileRelease = await client.CreateReleaseAsync();
        var nextRelease = await client.CreateReleaseAsync();
        var stopwatch = Stopwatch.StartNew();
        await UploadAsync(client, hostileRelease, "filters.svg", HostileSvg.NestedFilters());
        await UploadAsync(client, nextRelease, "image.png", TestFiles.Bytes("image.png"));

        var hostile = (await client.WaitProcessedAsync(hostileRelease))[0].GetProperty("metadata");
        var next = (await client.WaitProcessedAsync(nextRelease))[0].GetProperty("metadata");
        stopwatch.Stop();

        Assert.Equal("failed", hostile.GetProperty("state").GetString());
        Assert.Equal("processing_timeout", hostile.GetProperty("failureCode").GetString());
        Assert.DoesNotContain("rsvg-convert", hostile.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("ready", next.GetProperty("state").GetString());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3 + 15), $"took {stopwatch.Elapsed}");
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContextAsync();
        var failed = await db.Jobs.Where(j => j.Kind == JobKinds.ProcessMedia && j.State == JobState.Failed).ToListAsync();
        Assert.Equal(1, Assert.Single(failed).Attempts);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private static async Task UploadAsync(HttpClient client, string releaseId, string fileName, byte[] bytes)
    {
        using var content = ReleaseApi.Files(("files", fileName, bytes));
        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
