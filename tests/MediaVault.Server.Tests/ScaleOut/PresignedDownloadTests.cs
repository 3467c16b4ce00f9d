using System.Net;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace MediaVault.Server.Tests.ScaleOut;

/// <summary>With S3 and <c>Delivery:PresignedDownloads</c>, a signed download redirects to the bucket (scale-out run only).</summary>
public sealed class PresignedDownloadTests : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-presigned-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private Uri _address = null!;

    [Fact]
    public async Task A_signed_download_redirects_to_a_bucket_url_that_serves_the_bytes()
    {
        if (_app is null)
        {
            return;
        }

        using var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("presigned-" + Guid.NewGuid().ToString("N")[..8], ["admin"]));
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png");
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using (var put = await anonymous.PutBytesAsync(created.GetProperty("uploadUrl").GetString()!, TestFiles.Bytes("image.png")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        using (var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        var media = await client.WaitStatusAsync(created.GetProperty("id").GetString()!, "SUCCESS", "ERROR");
        using var download = await anonymous.GetAsync(media.GetProperty("path").GetString());

        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        var bucketUrl = download.Headers.Location!;
        Assert.DoesNotContain("/files/", bucketUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(TestFiles.Bytes("image.png"), await anonymous.GetByteArrayAsync(bucketUrl));
    }

    public async Task InitializeAsync()
    {
        if (TestBackends.S3Url is not null)
        {
            (_app, _address) = await ServerFixture.StartAsync(_dataPath, "--Delivery:PresignedDownloads=true");
        }
    }

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
}
