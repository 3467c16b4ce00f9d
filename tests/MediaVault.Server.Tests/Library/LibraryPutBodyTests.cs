using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Library;

/// <summary>
/// The upload URL's PUT hashes and writes the request body in 256 KiB blocks, one block behind the receive: bodies that
/// arrive in many small pieces, bodies cut off after blocks have been written, and bodies that outgrow the declared
/// size mid-stream.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class LibraryPutBodyTests(ServerFixture server)
{
    [Fact]
    public async Task A_body_arriving_in_thousands_of_small_pieces_is_stored_whole_and_its_sha256_spans_every_block()
    {
        var (client, _) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        // Several blocks and a tail that is not a whole block, with pieces that straddle every block boundary.
        var bytes = RandomNumberGenerator.GetBytes(1_300_007);
        var created = await client.CreateLibraryMediaAsync("clip.mp4", "video/mp4", fileSize: bytes.Length);
        var id = created.GetProperty("id").GetString()!;
        using var anonymous = server.CreateClient();
        using var content = new PiecewiseContent(bytes, seed: 19);

        using var response = await anonymous.PutAsync(created.GetProperty("uploadUrl").GetString()!, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(bytes.Length, receipt.GetProperty("receivedBytes").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), receipt.GetProperty("sha256").GetString());
        Assert.True(content.Pieces > 1000, $"only {content.Pieces} pieces were sent");
        Assert.Equal(bytes, await server.ReadStoredAsync(Assert.Single(server.StoredOriginals(id))));
    }

    [Fact]
    public async Task A_connection_dropped_after_several_blocks_leaves_no_file_no_staging_and_no_upload()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        var created = await client.CreateLibraryMediaAsync("clip.mp4", "video/mp4", fileSize: 8_000_000);
        var url = new Uri(created.GetProperty("uploadUrl").GetString()!);

        using (var socket = new TcpClient { NoDelay = true })
        {
            await socket.ConnectAsync(url.Host, url.Port);
            var stream = socket.GetStream();
            var head = $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: 8000000\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(RandomNumberGenerator.GetBytes(1_700_000));
            await stream.FlushAsync();
            await Task.Delay(500);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.StagingFiles().Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Empty(server.StagingFiles());
        Assert.Empty(await server.TenantFilesAsync(tenant));
        using var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null);
        await confirm.AssertLibraryErrorAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_chunked_body_that_outgrows_the_declared_size_mid_stream_is_413_keeps_nothing_and_the_url_still_works()
    {
        var (client, tenant) = await server.CreateApiKeyClientAsync();
        using var __ = client;
        var bytes = RandomNumberGenerator.GetBytes(700_000);
        var created = await client.CreateLibraryMediaAsync("clip.mp4", "video/mp4", fileSize: bytes.Length);
        var id = created.GetProperty("id").GetString()!;
        var url = created.GetProperty("uploadUrl").GetString()!;
        using var anonymous = server.CreateClient();
        using var tooLong = new PiecewiseContent(RandomNumberGenerator.GetBytes(2_000_000), seed: 7, chunked: true);

        using var refused = await anonymous.PutAsync(url, tooLong);

        Assert.Equal("payload_too_large", await refused.AssertLibraryErrorAsync(HttpStatusCode.RequestEntityTooLarge));
        Assert.Empty(await server.TenantFilesAsync(tenant));
        Assert.Empty(server.StagingFiles());
        using var retried = await anonymous.PutBytesAsync(url, bytes);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(bytes, await server.ReadStoredAsync(Assert.Single(server.StoredOriginals(id))));
    }

    /// <summary>Sends its bytes in pieces of 1 to 2 000 bytes, each flushed on its own, with a pause now and then.</summary>
    private sealed class PiecewiseContent(byte[] bytes, int seed, bool chunked = false) : HttpContent
    {
        public int Pieces { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var random = new Random(seed);
            for (var offset = 0; offset < bytes.Length; Pieces++)
            {
                var length = Math.Min(random.Next(1, 2_000), bytes.Length - offset);
                await stream.WriteAsync(bytes.AsMemory(offset, length));
                await stream.FlushAsync();
                offset += length;
                if (Pieces % 200 == 0)
                {
                    await Task.Delay(2);
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return !chunked;
        }
    }
}
