using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// A MediaVault server whose data folder (database, blobs, staging) is a small tmpfs that tests can fill up for real
/// and free again. Nothing starts where mounting is not permitted (the tests are skipped there).
/// </summary>
public sealed class FullDiskServerFixture : IAsyncLifetime
{
    public const long DiskBytes = 48L * 1024 * 1024;

    /// <summary>Below this the server reports unhealthy.</summary>
    public const long FreeSpaceFloor = 8L * 1024 * 1024;

    /// <summary>
    /// What <see cref="Fill"/> leaves free: room for the database's few pages per request (it shares the disk, as with
    /// the embedded default), far less than any upload the tests send.
    /// </summary>
    public const long LeftFree = 1024 * 1024;

    private WebApplication? _app;
    private bool _mounted;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "mediavault-fulldisk-" + Guid.NewGuid().ToString("N"));

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    private string FillerPath => Path.Combine(DataPath, "filler.bin");

    public async Task InitializeAsync()
    {
        if (new TmpfsFactAttribute().Skip is not null)
        {
            return;
        }

        TmpfsFactAttribute.Mount(DataPath, DiskBytes);
        _mounted = true;
        // No background jobs: processing a previous test's media (on S3, a local copy of it) would use and then give back
        // disk space after a test filled the disk, and these tests are about the upload paths alone. SQLite's log is
        // checkpointed once a minute, not every second: a log checkpointed that often is reused from its start, so the
        // writes of a full disk fit in pages it already has, and the database write that needs a new page (the 507 a
        // test asks for) would not come within its 5 000 tries.
        (_app, BaseAddress) = await ServerFixture.StartAsync(DataPath, $"--Health:DiskSpace:MinFreeBytes={FreeSpaceFloor}", "--Jobs:Concurrency=0",
            "--Database:CheckpointInterval=00:01:00");
    }

    public HttpClient Client(string tenant)
    {
        var client = new HttpClient(new OpenApiResponseValidator(new HttpClientHandler())) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(tenant, ["admin"]));
        return client;
    }

    /// <summary>Fills the disk until the kernel says ENOSPC, then gives back <paramref name="leaveFree"/> bytes.</summary>
    public void Fill(long leaveFree = LeftFree)
    {
        var block = new byte[1024 * 1024];
        using var filler = new FileStream(FillerPath, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException ex) when (ex.HResult == 28)
        {
            // ENOSPC: full.
        }

        filler.SetLength(Math.Max(0, filler.Length - leaveFree));
    }

    public long FreeBytes => new DriveInfo(DataPath).AvailableFreeSpace;

    /// <summary>Space comes back.</summary>
    public void Free() => File.Delete(FillerPath);

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_mounted)
        {
            TmpfsFactAttribute.Unmount(DataPath);
            Directory.Delete(DataPath, recursive: true);
        }
    }
}
