using System.Net;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace MediaVault.Server.Tests.ScaleOut;

/// <summary>With S3 and <c>Library:DirectToBucket</c>, the library's uploadUrl is a presigned bucket URL (scale-out run only).</summary>
public sealed class DirectToBucketTests : IAsyncLifetime
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-direct-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private Uri _address = null!;

    [Fact]
    public async Task A_library_upload_goes_straight_to_the_bucket_and_is_confirmed_as_usual()
    {
        if (_app is null)
        {
            return;
        }

        using var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("direct-" + Guid.NewGuid().ToString("N")[..8], ["admin"]));
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png");
        var uploadUrl = created.GetProperty("uploadUrl").GetString()!;
        using var anonymous = new HttpClient();

        using var put = await anonymous.PutBytesAsync(uploadUrl, TestFiles.Bytes("image.png"));
        using var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null);

        Assert.DoesNotContain("/v2/media/", uploadUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var media = await client.WaitStatusAsync(created.GetProperty("id").GetString()!, "SUCCESS", "ERROR");
        Assert.Equal("SUCCESS", media.GetProperty("status").GetString());
        Assert.Equal(TestFiles.Bytes("image.png"), await anonymous.GetByteArrayAsync(media.GetProperty("path").GetString()));
    }

    public async Task InitializeAsync()
    {
        if (TestBackends.S3Url is not null)
        {
            (_app, _address) = await ServerFixture.StartAsync(_dataPath, "--Library:DirectToBucket=true");
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
