using System.Diagnostics;
using System.Net;
using System.Text.Json;
using MediaVault.Core.Media;
using MediaVault.Core.Processing;
using MediaVault.Core.Storage;
using MediaVault.Data;
using MediaVault.Server.Api.Delivery;
using MediaVault.Server.Tests.Infrastructure;
using MediaVault.Tests.Hostile;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Processing;

/// <summary>
/// A small PDF whose first page would take forever to render (nested form XObjects), or a kilobyte of SVG of nested
/// filters, fails once, within the page render budget (the renderer is a jailed process, killed), and does not hold
/// back another tenant's media. Each test runs its own server (timing: not in parallel).
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class HostileRenderTests : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-hostile-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private Uri _address = null!;

    [Fact]
    public async Task A_pdf_of_nested_forms_fails_after_one_attempt_within_the_render_budget()
    {
        await StartAsync("--Processing:PageRenderTimeout=00:00:03", "--Jobs:Concurrency=1");
        using var client = Client("hostile-" + Guid.NewGuid().ToString("N")[..8]);
        var releaseId = await client.CreateReleaseAsync();
        var stopwatch = Stopwatch.StartNew();
        await UploadAsync(client, releaseId, ("files", "nested.pdf", HostilePdf.Create()));

        var metadata = (await client.WaitProcessedAsync(releaseId))[0].GetProperty("metadata");
        stopwatch.Stop();

        Assert.Equal("failed", metadata.GetProperty("state").GetString());
        Assert.Equal("processing_timeout", metadata.GetProperty("failureCode").GetString());
        Assert.DoesNotContain("pdftoppm", metadata.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3 + 10), $"took {stopwatch.Elapsed}");
        await using var db = await Database();
        var job = await db.Jobs.SingleAsync(j => j.Kind == JobKinds.ProcessMedia && j.TenantId != null);
        Assert.Equal((JobState.Failed, 1), (job.State, job.Attempts));
    }

    [Fact]
    public async Task An_svg_of_nested_filters_fails_after_one_attempt_within_the_render_budget_and_the_next_image_is_ready()
    {
        await StartAsync("--Processing:PageRenderTimeout=00:00:03", "--Jobs:Concurrency=1");
        using var client = Client("svg-" + Guid.NewGuid().ToString("N")[..8]);
        var hostileRelease = await client.CreateReleaseAsync();
        var nextRelease = await client.CreateReleaseAsync();
        var stopwatch = Stopwatch.StartNew();
        await UploadAsync(client, hostileRelease, ("files", "filters.svg", HostileSvg.NestedFilters()));
        await UploadAsync(client, nextRelease, ("files", "image.png", TestFiles.Bytes("image.png")));

        var hostile = (await client.WaitProcessedAsync(hostileRelease))[0].GetProperty("metadata");
        var next = (await client.WaitProcessedAsync(nextRelease))[0].GetProperty("metadata");
        stopwatch.Stop();

        Assert.Equal("failed", hostile.GetProperty("state").GetString());
        Assert.Equal("processing_timeout", hostile.GetProperty("failureCode").GetString());
        Assert.DoesNotContain("rsvg-convert", hostile.GetProperty("failureReason").GetString(), StringComparison.Ordinal);
        Assert.Equal("ready", next.GetProperty("state").GetString());
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3 + 15), $"took {stopwatch.Elapsed}");
        await using var db = await Database();
        var failed = await db.Jobs.Where(j => j.Kind == JobKinds.ProcessMedia && j.State == JobState.Failed).ToListAsync();
        Assert.Equal(1, Assert.Single(failed).Attempts);
    }

    [Fact]
    public async Task A_variant_of_an_svg_of_nested_filters_fails_within_the_render_budget_and_again_at_once()
    {
        await StartAsync("--Processing:PageRenderTimeout=00:00:03", "--Jobs:Concurrency=1");
        using var client = Client("svg-variant-" + Guid.NewGuid().ToString("N")[..8]);
        var releaseId = await client.CreateReleaseAsync();
        await UploadAsync(client, releaseId, ("files", "filters.svg", HostileSvg.NestedFilters()));
        var media = (await client.WaitProcessedAsync(releaseId))[0];
        Assert.Equal("failed", media.GetProperty("metadata").GetProperty("state").GetString());
        var mediaId = new Uri(media.GetProperty("cloudUrl").GetString()!).AbsolutePath.Split('/').Last();
        var signer = _app!.Services.GetRequiredService<MediaUrlSigner>();
        var variant = new ImageVariant(300, 300, "cover", "webp", 80);
        var url = $"/files/{mediaId}?w=300&h=300&fit=cover&format=webp&q=80&{signer.SignQuery(mediaId, null, StorageArea.Temporary, variant.Canonical)}";
        using var anonymous = new HttpClient { BaseAddress = _address };

        var first = Stopwatch.StartNew();
        using var drawn = await anonymous.GetAsync(url);
        first.Stop();
        var again = Stopwatch.StartNew();
        using var remembered = await anonymous.GetAsync(url);
        again.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, drawn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, remembered.StatusCode);
        Assert.Equal(await drawn.Content.ReadAsStringAsync(), await remembered.Content.ReadAsStringAsync());
        Assert.True(first.Elapsed >= TimeSpan.FromSeconds(2.5), $"the first request took only {first.Elapsed}: nothing was drawn");
        Assert.True(again.Elapsed < TimeSpan.FromSeconds(1.5), $"the same failed variant was drawn again ({again.Elapsed})");
        await using var db = await Database();
        Assert.False(await db.Renditions.AnyAsync(r => r.MediaId == mediaId && r.Name == variant.RenditionName));
    }

    [Fact]
    public async Task Another_tenants_media_becomes_ready_while_one_tenants_slow_pdfs_are_still_rendering()
    {
        // Two workers, four endless PDFs from one tenant, then one image from another: the image must not wait for
        // the third and fourth PDFs, which were queued before it.
        await StartAsync("--Processing:PageRenderTimeout=00:00:04", "--Jobs:Concurrency=2");
        using var slow = Client("slow-" + Guid.NewGuid().ToString("N")[..8]);
        using var other = Client("other-" + Guid.NewGuid().ToString("N")[..8]);
        var slowRelease = await slow.CreateReleaseAsync();
        var otherRelease = await other.CreateReleaseAsync();
        var pdf = HostilePdf.Create();
        await UploadAsync(slow, slowRelease, [.. Enumerable.Range(1, 4).Select(i => ("files", $"nested-{i}.pdf", pdf))]);
        await WaitRunningAsync(2);

        await UploadAsync(other, otherRelease, ("files", "image.png", TestFiles.Bytes("image.png")));
        var image = (await other.WaitProcessedAsync(otherRelease))[0].GetProperty("metadata");
        var pdfStates = (await slow.ListMediaAsync(slowRelease)).EnumerateArray()
            .Select(m => m.GetProperty("metadata").GetProperty("state").GetString()).ToList();

        Assert.Equal("ready", image.GetProperty("state").GetString());
        Assert.Contains(pdfStates, s => s != "failed");
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

    private async Task StartAsync(params string[] arguments) => (_app, _address) = await ServerFixture.StartAsync(_dataPath, arguments);

    private Task<MediaVaultDbContext> Database() =>
        _app!.Services.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContextAsync();

    private async Task WaitRunningAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await Database();
            if (await db.Jobs.CountAsync(j => j.Kind == JobKinds.ProcessMedia && j.State == JobState.Running) >= count)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{count} jobs never ran at once.");
    }

    private static async Task UploadAsync(HttpClient client, string releaseId, params (string Field, string FileName, byte[] Bytes)[] files)
    {
        using var content = ReleaseApi.Files(files);
        using var response = await client.PostAsync($"/releases/{releaseId}/media/files", content);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private HttpClient Client(string tenant)
    {
        var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = _address, Timeout = TimeSpan.FromMinutes(1) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }
}
