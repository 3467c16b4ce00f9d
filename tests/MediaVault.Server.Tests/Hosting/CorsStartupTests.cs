using System.Net;
using MediaVault.Server.Hosting;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary><c>Cors:AllowedOrigins</c> entries are checked at start; <c>*</c> allows any origin.</summary>
public sealed class CorsStartupTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-cors-start-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("app.example")]
    [InlineData("https://app.example/")]
    [InlineData("https://app.example/path")]
    [InlineData("https://app.example?x=1")]
    [InlineData("ftp://app.example")]
    [InlineData("https://user@app.example")]
    public async Task An_entry_that_is_not_an_origin_fails_at_start_naming_the_setting(string entry)
    {
        var failure = await Record.ExceptionAsync(() => WithServerAsync(_ => Task.CompletedTask, "--Cors:AllowedOrigins:0=https://fine.example", $"--Cors:AllowedOrigins:1={entry}"));

        Assert.NotNull(failure);
        Assert.Contains($"Cors:AllowedOrigins:1 '{entry}'", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wildcard_allows_any_origin_and_echoes_it()
    {
        HttpStatusCode? status = null;
        string? allowed = null;

        await WithServerAsync(async baseAddress =>
        {
            using var client = new HttpClient { BaseAddress = baseAddress };
            using var request = new HttpRequestMessage(HttpMethod.Options, "/v2/media");
            request.Headers.Add("Origin", "http://localhost:5173");
            request.Headers.Add("Access-Control-Request-Method", "POST");
            using var response = await client.SendAsync(request);
            status = response.StatusCode;
            allowed = response.Headers.GetValues("Access-Control-Allow-Origin").Single();
        }, "--Cors:AllowedOrigins:0=*");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Equal("http://localhost:5173", allowed);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private async Task WithServerAsync(Func<Uri, Task> use, params string[] settings)
    {
        Directory.CreateDirectory(_dataPath);
        string[] args =
        [
            "--environment=Testing",
            "--urls=http://127.0.0.1:0",
            $"--DataPath={_dataPath}",
            $"--Auth:Jwt:SigningKey={ServerFixture.SigningKey}",
            "--Logging:LogLevel:Default=None",
            "--Jobs:Concurrency=0",
            .. TestBackends.Arguments(_dataPath),
            .. settings,
        ];
        await using var app = MediaVaultApplication.Create(args);
        await MediaVaultApplication.InitializeAsync(app, CancellationToken.None);
        try
        {
            await app.StartAsync();
            await use(new Uri(app.Urls.First()));
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
