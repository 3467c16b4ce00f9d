using System.Text.Json;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>The stock tus-js-client against the server: large chunked uploads, interruption and resume, every target.</summary>
[Collection(ServerCollection.Name)]
public sealed class TusJsClientTests(ServerFixture server) : IDisposable
{
    private const int MiB = 1024 * 1024;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"mediavault-tus-{Guid.NewGuid():N}.mp4");

    [Fact]
    public async Task A_50_MiB_upload_in_5_MiB_chunks_becomes_a_library_media_with_identical_bytes()
    {
        var tenant = "tus-" + Guid.NewGuid().ToString("N")[..8];
        var expected = WriteVideoLikeFile(50 * MiB);

        var result = await NodeTusClient.UploadAsync(server.BaseAddress, TestTokens.Create(tenant, ["admin"]), _file, 5 * MiB, new { filename = "big.mp4", filetype = "video/mp4" });

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(10, result.GetProperty("offsets").GetArrayLength());
        var mediaId = result.GetProperty("mediaId").GetString()!;
        var original = Assert.Single(server.StoredOriginals(mediaId));
        Assert.Equal(expected, System.Security.Cryptography.SHA256.HashData(await server.ReadStoredAsync(original)));
    }

    [Fact]
    public async Task An_interrupted_upload_resumes_from_the_servers_offset_into_a_release()
    {
        using var client = server.CreateTenantClient(out var tenant);
        var releaseId = await client.CreateReleaseAsync();
        var expected = WriteVideoLikeFile(30 * MiB);

        var result = await NodeTusClient.UploadAsync(server.BaseAddress, TestTokens.Create(tenant, ["admin"]), _file, 4 * MiB,
            new { filename = "master.mp4", target = "release", releaseId }, interrupt: true);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(result.GetProperty("firstUrl").GetString(), result.GetProperty("url").GetString());
        Assert.True(result.GetProperty("firstOffsets").GetArrayLength() > 0);
        var media = Assert.Single((await client.ListMediaAsync(releaseId)).EnumerateArray());
        Assert.Equal(result.GetProperty("mediaId").GetString(), media.GetProperty("cloudId").GetString());
        Assert.Equal(Convert.ToHexStringLower(expected), media.GetProperty("metadata").GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_refused_upload_reports_the_servers_error_to_the_client()
    {
        using var client = server.CreateTenantClient(out var tenant);
        var releaseId = await client.CreateReleaseAsync();
        await client.ApproveAndCompleteAsync(releaseId);
        WriteVideoLikeFile(MiB);

        var result = await NodeTusClient.UploadAsync(server.BaseAddress, TestTokens.Create(tenant, ["admin"]), _file, MiB, new { filename = "late.mp4", target = "release", releaseId });

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(400, result.GetProperty("status").GetInt32());
    }

    public void Dispose() => File.Delete(_file);

    /// <summary>An MP4 header (so it sniffs as video) followed by pseudo-random bytes; returns the file's SHA-256.</summary>
    private byte[] WriteVideoLikeFile(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        byte[] header = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2', 0, 0, 0, 0, (byte)'m', (byte)'p', (byte)'4', (byte)'2', (byte)'i', (byte)'s', (byte)'o', (byte)'m'];
        header.CopyTo(bytes, 0);
        File.WriteAllBytes(_file, bytes);
        return System.Security.Cryptography.SHA256.HashData(bytes);
    }
}
