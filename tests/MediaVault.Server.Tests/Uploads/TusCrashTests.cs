using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using MediaVault.Server.Tests.Infrastructure;

namespace MediaVault.Server.Tests.Uploads;

/// <summary>
/// A server killed (SIGKILL) in the middle of a tus PATCH does not leave the upload locked: a restart of the same
/// instance takes its old locks over at once, and another instance gets the upload once the short lease ran out. The
/// SHA-256 carried across chunks in memory is rebuilt from the stored bytes after a restart.
/// </summary>
public sealed class TusCrashTests : IAsyncLifetime
{
    private static readonly byte[] Upload = Padded(200_000);
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "mediavault-tuscrash-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task After_a_crash_mid_patch_the_restarted_instance_accepts_a_patch_at_the_head_offset_at_once()
    {
        // A lease far longer than the test: only the takeover by the same instance can free the lock in time.
        string[] settings = ["--Tus:LockLease=00:05:00"];
        var url = await CrashMidPatchAsync(settings);

        await using var restarted = await StartAsync(settings);
        var (status, elapsed) = await ResumeAsync(restarted, url, TimeSpan.FromSeconds(90));

        // Far inside the five-minute lease (a generous bound: a loaded CI machine is slow, a lease wait is five minutes).
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"took {elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task After_a_crash_mid_patch_another_instance_gets_the_upload_once_the_short_lease_ran_out()
    {
        var url = await CrashMidPatchAsync(["--Tus:LockLease=00:00:06", "--Tus:InstanceId=crashing"]);

        await using var other = await StartAsync(["--Tus:LockLease=00:00:06", "--Tus:InstanceId=another"]);
        var (status, elapsed) = await ResumeAsync(other, url, TimeSpan.FromSeconds(40));

        // Not forever: the six-second lease runs out and the other instance takes the upload (slack for a loaded machine).
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"took {elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task After_a_crash_between_chunks_the_finished_media_has_the_sha256_of_all_its_bytes()
    {
        string releaseId;
        string url;
        await using (var crashing = await StartAsync([]))
        {
            using var client = Client(crashing);
            releaseId = await client.CreateReleaseAsync();
            url = await client.CreateUploadUrlAsync(Upload.Length, TusApi.Metadata(("filename", "tone.mp3"), ("target", "release"), ("releaseId", releaseId)));
            using var first = await client.PatchChunkAsync(url, 0, Upload[..70_000]);
            using var second = await client.PatchChunkAsync(url, 70_000, Upload[70_000..120_000]);
            Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
            crashing.Kill();
        }

        await using var restarted = await StartAsync([]);
        using var again = Client(restarted);
        using var head = await again.HeadUploadAsync(url);
        var offset = int.Parse(head.Header("Upload-Offset"), CultureInfo.InvariantCulture);
        using var third = await again.PatchChunkAsync(url, offset, Upload[offset..150_000]);
        using var last = await again.PatchChunkAsync(url, 150_000, Upload[150_000..]);

        Assert.Equal(120_000, offset);
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        var media = Assert.Single((await again.ListMediaAsync(releaseId)).EnumerateArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Upload)), media.GetProperty("metadata").GetProperty("sha256").GetString());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts a server, begins a PATCH that streams slowly, waits until it holds the lock, and kills the server.</summary>
    private async Task<string> CrashMidPatchAsync(string[] settings)
    {
        await using var server = await StartAsync(settings);
        using var client = Client(server);
        var url = await client.CreateUploadUrlAsync(Upload.Length, TusApi.Metadata(("filename", "tone.mp3")));
        using var stop = new CancellationTokenSource();
        Task? slow = null;
        var locked = false;
        for (var i = 0; i < 100 && !locked; i++)
        {
            if (slow is null || slow.IsCompleted)
            {
                // (Re)start it: it is refused with 423 if it arrived while a probe held the lock.
                slow = SendSlowPatchAsync(client, url, stop.Token);
                await Task.Delay(300);
            }

            // A checksum that cannot match: if the lock were free this would be 460 and change nothing.
            using var probe = await client.PatchChunkAsync(url, 0, [1, 2, 3], TusApi.Sha256Checksum([9]));
            locked = probe.StatusCode == HttpStatusCode.Locked && !slow.IsCompleted;
            await Task.Delay(100);
        }

        Assert.True(locked, "the slow PATCH never took the lock");
        server.Kill();
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => slow!);
        return url;
    }

    /// <summary>HEAD, then the whole rest at the HEAD offset, until it is accepted or <paramref name="timeout"/> passes.</summary>
    private static async Task<(HttpStatusCode Status, TimeSpan Elapsed)> ResumeAsync(ServerProcess server, string url, TimeSpan timeout)
    {
        using var client = Client(server);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var head = await client.HeadUploadAsync(url);
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            var offset = int.Parse(head.Header("Upload-Offset"), System.Globalization.CultureInfo.InvariantCulture);
            using var patch = await client.PatchChunkAsync(url, offset, Upload[offset..]);
            if (patch.StatusCode != HttpStatusCode.Locked || clock.Elapsed > timeout)
            {
                return (patch.StatusCode, clock.Elapsed);
            }

            await Task.Delay(250);
        }
    }

    private static async Task SendSlowPatchAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StreamContent(new SlowStream()) };
        request.Content.Headers.ContentType = new("application/offset+octet-stream");
        request.Headers.Add("Tus-Resumable", "1.0.0");
        request.Headers.Add("Upload-Offset", "0");
        using var response = await client.SendAsync(request, cancellationToken);
    }

    private Task<ServerProcess> StartAsync(string[] settings) =>
        ServerProcess.StartAsync(
        [
            "--environment=Testing",
            $"--DataPath={_dataPath}",
            $"--Auth:Jwt:SigningKey={ServerFixture.SigningKey}",
            "--Logging:LogLevel:Default=Warning",
            .. TestBackends.Arguments(_dataPath),
            .. settings,
        ]);

    private static HttpClient Client(ServerProcess server)
    {
        var client = new HttpClient(OpenApiResponseValidator.Handler()) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.Create("tus-crash", ["admin"]));
        return client;
    }

    private static byte[] Padded(int length)
    {
        var bytes = new byte[length];
        TestFiles.Bytes("tone.mp3").CopyTo(bytes, 0);
        return bytes;
    }

    /// <summary>The upload's first 64 KiB, then nothing more until cancelled: a client on a very slow link.</summary>
    private sealed class SlowStream : Stream
    {
        private int _sent;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_sent >= 64 * 1024)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var count = Math.Min(buffer.Length, (64 * 1024) - _sent);
            Upload.AsMemory(_sent, count).CopyTo(buffer);
            _sent += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
