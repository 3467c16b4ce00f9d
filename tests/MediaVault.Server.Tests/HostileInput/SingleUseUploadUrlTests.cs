using System.Net;
using System.Net.Sockets;
using System.Text;
using MediaVault.Data;
using MediaVault.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Server.Tests.HostileInput;

/// <summary>A library <c>uploadUrl</c> takes one upload: concurrent PUTs race for one claim, a failed PUT gives it back.</summary>
[Collection(ServerCollection.Name)]
public sealed class SingleUseUploadUrlTests(ServerFixture server)
{
    [Fact]
    public async Task A_put_while_another_is_streaming_is_409_and_a_put_after_the_completed_one_is_409()
    {
        using var client = server.CreateTenantClient(out _);
        var bytes = TestFiles.Bytes("image.png");
        var created = await client.CreateLibraryMediaAsync("image.png", "image/png");
        var url = created.GetProperty("uploadUrl").GetString()!;
        using var anonymous = server.CreateClient();
        var halfSent = new TaskCompletionSource();
        var finish = new TaskCompletionSource();
        using var slowContent = new PausedContent(bytes, halfSent, finish.Task);

        var slow = anonymous.PutAsync(url, slowContent);
        await halfSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitClaimedAsync(created.GetProperty("id").GetString()!);
        using var during = await anonymous.PutBytesAsync(url, bytes);
        finish.SetResult();
        using var first = await slow;
        using var after = await anonymous.PutBytesAsync(url, bytes);
        using var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null);

        Assert.Equal("upload_in_progress", await during.AssertLibraryErrorAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("already_uploaded", await after.AssertLibraryErrorAsync(HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
    }

    [Fact]
    public async Task Of_two_simultaneous_puts_exactly_one_succeeds_and_the_other_is_409()
    {
        using var client = server.CreateTenantClient(out _);
        var bytes = TestFiles.Bytes("tone.wav");
        var url = (await client.CreateLibraryMediaAsync("tone.wav", "audio/wav")).GetProperty("uploadUrl").GetString()!;
        using var one = server.CreateClient();
        using var two = server.CreateClient();

        var responses = await Task.WhenAll(one.PutBytesAsync(url, bytes), two.PutBytesAsync(url, bytes));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        var refused = Assert.Single(responses, r => r.StatusCode != HttpStatusCode.OK);
        await refused.AssertLibraryErrorAsync(HttpStatusCode.Conflict);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_dropped_put_gives_the_url_back_so_the_same_url_can_be_retried()
    {
        using var client = server.CreateTenantClient(out _);
        var bytes = TestFiles.Bytes("tone.wav");
        var created = await client.CreateLibraryMediaAsync("tone.wav", "audio/wav");
        var url = new Uri(created.GetProperty("uploadUrl").GetString()!);
        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(url.Host, url.Port);
            var stream = socket.GetStream();
            var head = $"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/octet-stream\r\nContent-Length: {bytes.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
            await Task.Delay(300);
        }

        using var anonymous = server.CreateClient();
        HttpResponseMessage? retry = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        // The server notices the dropped connection asynchronously; until then the claim is (rightly) still held.
        while (true)
        {
            retry?.Dispose();
            retry = await anonymous.PutBytesAsync(url.ToString(), bytes);
            if (retry.StatusCode != HttpStatusCode.Conflict || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100);
        }

        using var retried = retry;
        using var confirm = await client.PatchAsync($"/v2/media/{created.GetProperty("id").GetString()}", null);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
    }

    /// <summary>Waits until the server has taken the PUT in (the media row carries the claim), so the next PUT overlaps it.</summary>
    private async Task WaitClaimedAsync(string mediaId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await server.Services.GetRequiredService<IDbContextFactory<MediaVaultDbContext>>().CreateDbContextAsync();
            if (await db.Media.AnyAsync(m => m.Id == mediaId && m.UploadedAt != null))
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends half the bytes, signals, and waits before sending the rest: a PUT held open mid-stream.</summary>
    private sealed class PausedContent(byte[] bytes, TaskCompletionSource halfSent, Task resume) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            halfSent.TrySetResult();
            await resume;
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
