using MediaVault.Server.Hosting;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Hosting;

/// <summary>A setting that needs a storage capability the configured store lacks stops the server at start, naming both.</summary>
public sealed class StorageCapabilityStartupTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-capability-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Library:DirectToBucket")]
    [InlineData("Delivery:PresignedDownloads")]
    public async Task A_presigned_url_setting_on_the_filesystem_store_fails_at_start(string setting)
    {
        if (!TestBackends.UsesFileSystem)
        {
            return;
        }

        var failure = await Record.ExceptionAsync(() => StartAsync($"--{setting}=true"));

        Assert.NotNull(failure);
        var message = failure.ToString();
        Assert.Contains(setting, message, StringComparison.Ordinal);
        Assert.Contains("IPresignedUrls", message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    private async Task StartAsync(string setting)
    {
        Directory.CreateDirectory(_dataPath);
        string[] args =
        [
            "--environment=Testing",
            "--urls=http://127.0.0.1:0",
            $"--DataPath={_dataPath}",
            $"--Auth:Jwt:SigningKey={ServerFixture.SigningKey}",
            "--Logging:LogLevel:Default=None",
            .. TestBackends.Arguments(_dataPath),
            setting,
        ];
        await using var app = MediaVaultApplication.Create(args);
        await MediaVaultApplication.InitializeAsync(app, CancellationToken.None);
        try
        {
            await app.StartAsync();
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
