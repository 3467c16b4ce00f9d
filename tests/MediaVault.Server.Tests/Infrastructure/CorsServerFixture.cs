using System.Net;
using System.Net.Sockets;
using MediaVault.Server.Cli;
using MediaVault.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.Infrastructure;

/// <summary>
/// A MediaVault server that allows three browser origins (<c>Cors:AllowedOrigins</c>): two made-up ones for the HTTP
/// tests and a loopback origin on <see cref="PagePort"/>, where the browser test serves its page.
/// </summary>
public class CorsServerFixture : IAsyncLifetime
{
    public const string AppOrigin = "https://app.example";
    public const string AdminOrigin = "https://admin.example:8443";
    public const string OtherOrigin = "https://elsewhere.example";

    private readonly string[] _extraArguments;
    private WebApplication? _app;

    public CorsServerFixture()
        : this([])
    {
    }

    /// <summary>A server with <paramref name="extraArguments"/> (configuration overrides) as well.</summary>
    protected CorsServerFixture(string[] extraArguments) => _extraArguments = extraArguments;

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "mediavault-cors-" + Guid.NewGuid().ToString("N"));

    /// <summary>A free loopback port, taken now so the server can allow its origin before the page is served there.</summary>
    public int PagePort { get; } = FreeLoopbackPort();

    public string PageOrigin => $"http://127.0.0.1:{PagePort}";

    public Uri BaseAddress { get; private set; } = null!;

    public virtual async Task InitializeAsync() =>
        (_app, BaseAddress) = await ServerFixture.StartAsync(DataPath, [.. CorsArguments(), .. _extraArguments]);

    public HttpClient CreateClient() =>
        new(new OpenApiResponseValidator(new HttpClientHandler())) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client for a tenant (provisioned by its first request), with a JWT granting <c>admin</c>.</summary>
    public HttpClient CreateClientFor(string tenantKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create(tenantKey, ["admin"]));
        return client;
    }

    /// <summary>Creates the tenant and runs <c>tenants origins &lt;key&gt; …</c> through the CLI on this server's database.</summary>
    public async Task<string> SetTenantOriginsAsync(string tenantKey, params string[] arguments)
    {
        await _app!.Services.GetRequiredService<TenantResolver>().ResolveAsync(tenantKey, CancellationToken.None);
        return await RunCliAsync(["tenants", "origins", tenantKey, .. arguments]);
    }

    /// <summary>Runs a CLI command with this server's configuration; returns what it printed.</summary>
    public async Task<string> RunCliAsync(string[] arguments)
    {
        using var output = new StringWriter();
        var exit = await CliApp.RunAsync([.. arguments, $"--DataPath={DataPath}", .. CorsArguments(), .. _extraArguments, .. TestBackends.Arguments(DataPath)], output);
        Assert.Equal(0, exit);
        return output.ToString();
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

    private string[] CorsArguments() =>
        [$"--Cors:AllowedOrigins:0={AppOrigin}", $"--Cors:AllowedOrigins:1={AdminOrigin}", $"--Cors:AllowedOrigins:2={PageOrigin}"];

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
