using MediaVault.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using MediaVault.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// One real MediaVault server on a loopback port (Kestrel, SQLite and filesystem storage in a temp folder),
/// shared by the HTTP tests. Tests isolate themselves by using their own tenant.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string SigningKey = "server-tests-signing-key-0123456789abcdef-0123456789";

    private WebApplication? _app;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "mediavault-tests-" + Guid.NewGuid().ToString("N"));

    public string BlobRoot => Path.Combine(DataPath, "blobs");

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        (_app, BaseAddress) = await StartAsync(DataPath);
    }

    /// <summary>Starts a MediaVault server over <paramref name="dataPath"/>; several may share one folder (and database).</summary>
    public static async Task<(WebApplication App, Uri BaseAddress)> StartAsync(string dataPath, params string[] extraArgs)
    {
        Directory.CreateDirectory(dataPath);
        string[] args =
        [
            "--environment=Testing",
            "--urls=http://127.0.0.1:0",
            $"--DataPath={dataPath}",
            $"--Auth:Jwt:SigningKey={SigningKey}",
            "--Jobs:PollInterval=00:00:00.200",
            "--Jobs:RetryBaseDelay=00:00:00.200",
            "--Links:AllowPrivateNetworks=true",
            "--Logging:LogLevel:Default=Warning",
            .. TestBackends.Arguments(dataPath),
            .. extraArgs,
        ];
        var app = MediaVaultApplication.Create(args);
        await MediaVaultApplication.InitializeAsync(app, CancellationToken.None);
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }

    /// <summary>A client whose every answer is checked against the OpenAPI document (<see cref="OpenApiResponseValidator"/>).</summary>
    public HttpClient CreateClient() => new(new OpenApiResponseValidator(new HttpClientHandler())) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client acting for a fresh tenant, authenticated with a JWT carrying <paramref name="permissions"/>.</summary>
    public HttpClient CreateTenantClient(out string tenantKey, params string[] permissions)
    {
        tenantKey = "t-" + Guid.NewGuid().ToString("N")[..12];
        return CreateClientFor(tenantKey, permissions.Length == 0 ? ["admin"] : permissions);
    }

    public HttpClient CreateClientFor(string tenantKey, params string[] permissions)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenantKey, permissions));
        return client;
    }

    /// <summary>The keys of every stored object (original and renditions) of one media, in any area, on any backend.</summary>
    public IReadOnlyList<string> StoredFiles(string mediaId) => StoredKeys().Where(k => k.MediaId == mediaId).Select(k => k.Path).ToList();

    /// <summary>The stored originals of one media (one, normally; renditions excluded).</summary>
    public IReadOnlyList<string> StoredOriginals(string mediaId) =>
        StoredKeys().Where(k => k.MediaId == mediaId && k.Name == BlobKey.OriginalName).Select(k => k.Path).ToList();

    /// <summary>Reads a stored object whole (small test files only).</summary>
    public async Task<byte[]> ReadStoredAsync(string keyPath)
    {
        Assert.True(BlobKey.TryParse(keyPath, out var key));
        await using var stream = await Services.GetRequiredService<IBlobStore>().OpenReadAsync(key, null, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private List<BlobKey> StoredKeys()
    {
        var store = Services.GetRequiredService<IBlobStore>();
        return new[] { StorageArea.Temporary, StorageArea.Permanent }
            .SelectMany(area => store.ListAsync(area, CancellationToken.None).ToBlockingEnumerable())
            .Select(b => b.Key)
            .ToList();
    }

    /// <summary>A client for a fresh tenant that authenticates with an API key (<c>X-API-ID</c> + <c>X-API-KEY</c>).</summary>
    public async Task<(HttpClient Client, string TenantKey)> CreateApiKeyClientAsync(params string[] permissions)
    {
        var tenantKey = "k-" + Guid.NewGuid().ToString("N")[..12];
        var tenantId = await Services.GetRequiredService<MediaVault.Server.Hosting.TenantResolver>().ResolveAsync(tenantKey, CancellationToken.None);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaVault.Data.MediaVaultDbContext>();
        var (id, secret) = await MediaVault.Server.Hosting.ApiKeyCommands.CreateAsync(db, tenantId!.Value, permissions.Length == 0 ? ["admin"] : permissions, TimeProvider.System, CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-API-ID", id);
        client.DefaultRequestHeaders.Add("X-API-KEY", secret);
        return (client, tenantKey);
    }

    /// <summary>Every stored object of one tenant, in both areas.</summary>
    public async Task<IReadOnlyList<string>> TenantFilesAsync(string tenantKey)
    {
        var resolver = Services.GetRequiredService<MediaVault.Server.Hosting.TenantResolver>();
        var tenantId = (await resolver.ResolveAsync(tenantKey, CancellationToken.None))!.Value;
        return StoredKeys().Where(k => k.TenantId == tenantId).Select(k => k.Path).ToList();
    }

    /// <summary>Half-written uploads in the staging folder (processing's temporary copies are not uploads).</summary>
    public IReadOnlyList<string> StagingFiles()
    {
        var staging = Services.GetRequiredService<IStagingArea>().Folder;
        return Directory.Exists(staging) ? Directory.GetFiles(staging, "*.part") : [];
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held open by the OS does not fail the run.
        }
    }
}
