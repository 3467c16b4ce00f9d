using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MediaVault.Tests.Hostile;

/// <summary>
/// Files that try to make a media tool read something other than themselves, generated fresh in a temporary folder
/// beside canaries they point at: an MP3 of a distinctive duration with a cover picture, a PNG, and a text file holding
/// a random secret. A loopback listener stands in for a remote server and counts every connection it gets. Shared by
/// the Media and Server tests (linked into both).
/// </summary>
public sealed class HostileCorpus : IDisposable
{
    public const double CanaryDuration = 7.31;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _route = "r" + Guid.NewGuid().ToString("N");
    private int _connections;

    private HostileCorpus(string directory)
    {
        Directory = directory;
        Secret = "canary-" + Guid.NewGuid().ToString("N");
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Directory { get; }

    /// <summary>A random string only the text canary holds.</summary>
    public string Secret { get; }

    public string CanaryAudio => Path.Combine(Directory, "canary.mp3");

    public string CanaryImage => Path.Combine(Directory, "canary.png");

    public string CanaryText => Path.Combine(Directory, "canary.txt");

    /// <summary>A URL on the loopback listener, under a path of its own.</summary>
    public string RemoteUrl(string name) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{_route}/{name}";

    /// <summary>
    /// How many connections the loopback listener accepted, less those whose request named another path (each is
    /// counted when accepted and taken back once its first line is read). Such a connection is not the corpus's: its port
    /// is an ephemeral one, and a client of another test (a health poll of a server process that was killed, whose
    /// port the listener got next) may still be knocking.
    /// </summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The hostile files that start like MP3 (an ID3 tag), so the sniffer accepts them as audio.</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> Audio =>
    [
        ("id3-hls-local.mp3", Id3(MediaPlaylist(CanaryAudio))),
        ("id3-hls-http.mp3", Id3(MediaPlaylist(RemoteUrl("segment.mp3")))),
        ("id3-hls-master.mp3", Id3(Encoding.UTF8.GetBytes(
            $"#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=128000\n{Path.Combine(Directory, "variant.m3u8")}\n#EXT-X-STREAM-INF:BANDWIDTH=64000\n{RemoteUrl("variant.m3u8")}\n"))),
        ("id3-ffconcat.mp3", Id3(Encoding.UTF8.GetBytes($"ffconcat version 1.0\nfile '{CanaryAudio}'\nfile '{RemoteUrl("segment.mp3")}'\n"))),
    ];

    /// <summary>Playlists and scripts without a disguise: the sniffer does not call them media at all.</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> Undisguised =>
    [
        ("playlist.mp3", MediaPlaylist(CanaryAudio)),
        ("plain.m3u8", Encoding.UTF8.GetBytes($"#EXTM3U\n{CanaryAudio}\n")),
        ("concat.mp3", Encoding.UTF8.GetBytes($"ffconcat version 1.0\nfile '{CanaryAudio}'\n")),
    ];

    /// <summary>SVGs that refer to a local file, a remote one, or pull a file in through an external entity.</summary>
    public IReadOnlyList<(string Name, byte[] Bytes)> Svg =>
    [
        ("href-local.svg", SvgImage($"file://{CanaryImage}")),
        ("href-relative.svg", SvgImage("canary.png")),
        ("href-http.svg", SvgImage(RemoteUrl("canary.png"))),
        ("xxe.svg", Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY secret SYSTEM \"file://{CanaryText}\">]>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\"><text x=\"0\" y=\"20\">&secret;</text></svg>")),
        ("css-url.svg", Encoding.UTF8.GetBytes(
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><style>rect {{ fill: url({RemoteUrl("p.svg")}#p) }}</style><rect width=\"64\" height=\"64\"/></svg>")),
    ];

    public IEnumerable<(string Name, byte[] Bytes)> All => Audio.Concat(Undisguised).Concat(Svg);

    /// <summary>Makes the canaries (ffmpeg writes the audio and picture) in a fresh temporary folder.</summary>
    public static async Task<HostileCorpus> CreateAsync()
    {
        var corpus = new HostileCorpus(System.IO.Directory.CreateTempSubdirectory("mediavault-hostile-").FullName);
        var duration = CanaryDuration.ToString(CultureInfo.InvariantCulture);
        await FfmpegAsync(
            "-f", "lavfi", "-i", $"sine=frequency=880:duration={duration}", "-f", "lavfi", "-i", "color=c=0xff00ff:s=32x32:d=1",
            "-map", "0:a", "-map", "1:v", "-frames:v", "1", "-c:v", "mjpeg", "-disposition:v", "attached_pic", "-id3v2_version", "3", corpus.CanaryAudio);
        await FfmpegAsync("-f", "lavfi", "-i", "color=c=0xff00ff:s=64x64:d=1", "-frames:v", "1", corpus.CanaryImage);
        await File.WriteAllTextAsync(corpus.CanaryText, corpus.Secret);
        await File.WriteAllBytesAsync(Path.Combine(corpus.Directory, "variant.m3u8"), MediaPlaylist(corpus.CanaryAudio));
        return corpus;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Dispose();
        _stop.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static byte[] MediaPlaylist(string segment) => Encoding.UTF8.GetBytes(
        $"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:{CanaryDuration.ToString(CultureInfo.InvariantCulture)},\n{segment}\n#EXT-X-ENDLIST\n");

    /// <summary>An empty ID3v2.4 tag (<c>ID3\x04</c> and six zero bytes) in front of the content.</summary>
    private static byte[] Id3(byte[] content) => [.. "ID3\x04\0\0\0\0\0\0"u8, .. content];

    private static byte[] SvgImage(string href) => Encoding.UTF8.GetBytes(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"64\" height=\"64\">"
        + $"<image xlink:href=\"{href}\" href=\"{href}\" width=\"64\" height=\"64\"/></svg>");

    private static async Task FfmpegAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make a canary: {error}");
        }
    }

    private async Task JudgeAsync(TcpClient client)
    {
        using (client)
        {
            var buffer = new byte[4096];
            var received = 0;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var stream = client.GetStream();
                while (received < buffer.Length && Array.IndexOf(buffer, (byte)'\n', 0, received) < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(received), timeout.Token);
                    if (read == 0)
                    {
                        break;
                    }

                    received += read;
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // Silent or gone: counted below unless it named another path.
            }

            var line = Encoding.ASCII.GetString(buffer, 0, received);
            var newline = line.IndexOf('\n', StringComparison.Ordinal);
            if (newline >= 0 && !line[..newline].Contains(_route, StringComparison.Ordinal))
            {
                Interlocked.Decrement(ref _connections);
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                // Counted at once, and taken back only once its request names another path.
                Interlocked.Increment(ref _connections);
                _ = JudgeAsync(client);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
        }
    }
}
