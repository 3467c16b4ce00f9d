using System.Security.Cryptography;
using System.Text;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;
using Microsoft.Extensions.Options;

namespace MediaVault.Core.Tests.Media;

public sealed class MediaIngestorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 14, 30, 0, TimeSpan.Zero);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mediavault-ingest-" + Guid.NewGuid().ToString("N"));
    private readonly FolderBlobStore _store;
    private readonly PrefixSniffer _sniffer = new();
    private readonly TrailerProbe _probe = new();

    public MediaIngestorTests()
    {
        _store = new FolderBlobStore(_root);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Ingest_refuses_an_empty_stream_and_leaves_nothing_in_staging()
    {
        await using var content = new MemoryStream();

        var result = await Ingestor().IngestAsync(Request(content), CancellationToken.None);

        Assert.Equal(IngestError.Empty, result.Error);
        Assert.Null(result.Media);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_refuses_content_over_the_request_limit_and_leaves_nothing()
    {
        await using var content = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 11));

        var result = await Ingestor().IngestAsync(Request(content, maxBytes: 10), CancellationToken.None);

        Assert.Equal(IngestError.TooLarge, result.Error);
        Assert.Null(result.Media);
        Assert.Contains("10", result.Detail, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_refuses_content_over_the_configured_limit_even_when_the_request_allows_more()
    {
        await using var content = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 2 * 1024 * 1024 + 1));

        var result = await Ingestor(maxFileBytes: 2 * 1024 * 1024).IngestAsync(Request(content, maxBytes: long.MaxValue), CancellationToken.None);

        Assert.Equal(IngestError.TooLarge, result.Error);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_accepts_content_of_exactly_the_limit()
    {
        await using var content = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 10));

        var result = await Ingestor().IngestAsync(Request(content, maxBytes: 10), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(10, result.Media!.Size);
    }

    [Fact]
    public async Task Ingest_refuses_content_the_sniffer_does_not_recognise()
    {
        await using var content = new MemoryStream("just some text"u8.ToArray());

        var result = await Ingestor().IngestAsync(Request(content), CancellationToken.None);

        Assert.Equal(IngestError.UnknownContent, result.Error);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_stores_the_type_the_probe_finds_in_the_complete_file_when_the_header_cannot_decide()
    {
        await using var content = new MemoryStream([.. Bytes("?", 3 * 1024 * 1024), .. Encoding.ASCII.GetBytes(TrailerProbe.AudioTrailer)]);

        var result = await Ingestor().IngestAsync(Request(content), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal((MediaKind.Audio, "audio/webm"), (result.Media!.Kind, result.Media.MimeType));
        Assert.Equal(1, _probe.Probes);
    }

    [Fact]
    public async Task Ingest_turns_a_container_into_audio_when_the_probe_finds_only_audio()
    {
        await using var content = new MemoryStream([.. Bytes(PrefixSniffer.ContainerPrefix, 5000), .. Encoding.ASCII.GetBytes(TrailerProbe.AudioTrailer)]);

        var result = await Ingestor().IngestAsync(Request(content, allowed: [MediaKind.Audio]), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal((MediaKind.Audio, "audio/webm"), (result.Media!.Kind, result.Media.MimeType));
    }

    [Fact]
    public async Task Ingest_does_not_probe_content_whose_header_decides()
    {
        await using var content = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 100));

        var result = await Ingestor().IngestAsync(Request(content), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(0, _probe.Probes);
    }

    [Fact]
    public async Task Ingest_applies_the_kind_limit_of_the_probed_kind()
    {
        await using var content = new MemoryStream([.. Bytes("?", 5000), .. Encoding.ASCII.GetBytes(TrailerProbe.VideoTrailer)]);
        var ingestor = new MediaIngestor(
            _store, _store, _sniffer, _probe, Options.Create(new MediaOptions { MaxBytesByKind = new(StringComparer.OrdinalIgnoreCase) { ["video"] = 4000 } }), new FixedTimeProvider(Now));

        var result = await ingestor.IngestAsync(Request(content), CancellationToken.None);

        Assert.Equal(IngestError.TooLarge, result.Error);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_caps_a_container_by_the_kind_its_streams_have_not_by_a_guess_from_its_header()
    {
        await using var content = new MemoryStream([.. Bytes(PrefixSniffer.ContainerPrefix, 5000), .. Encoding.ASCII.GetBytes(TrailerProbe.AudioTrailer)]);
        var ingestor = new MediaIngestor(
            _store, _store, _sniffer, _probe, Options.Create(new MediaOptions { MaxBytesByKind = new(StringComparer.OrdinalIgnoreCase) { ["video"] = 4000 } }), new FixedTimeProvider(Now));

        var result = await ingestor.IngestAsync(Request(content), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("audio/webm", result.Media!.MimeType);
    }

    [Fact]
    public async Task Ingest_refuses_a_recognised_type_that_is_not_an_allowed_mime_type()
    {
        await using var content = new MemoryStream(Bytes(PrefixSniffer.UnlistedPrefix, 100));

        var result = await Ingestor().IngestAsync(Request(content), CancellationToken.None);

        Assert.Equal(IngestError.UnknownContent, result.Error);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_refuses_a_kind_the_request_does_not_allow()
    {
        await using var content = new MemoryStream(Bytes(PrefixSniffer.ImagePrefix, 100));

        var result = await Ingestor().IngestAsync(Request(content, allowed: [MediaKind.Audio, MediaKind.Video]), CancellationToken.None);

        Assert.Equal(IngestError.KindNotAllowed, result.Error);
        Assert.Contains("image", result.Detail, StringComparison.Ordinal);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_stores_the_original_and_describes_it()
    {
        var bytes = Bytes(PrefixSniffer.AudioPrefix, 3 * 1024 * 1024 + 17);
        var tenantId = Guid.NewGuid();
        await using var content = new MemoryStream(bytes);
        var request = new IngestRequest(tenantId, content, "../../uploads/My Song\n.mp3", StorageArea.Temporary, new HashSet<MediaKind> { MediaKind.Audio });

        var result = await Ingestor().IngestAsync(request, CancellationToken.None);

        Assert.Null(result.Error);
        var media = result.Media!;
        Assert.True(MediaId.IsWellFormed(media.Id));
        Assert.Equal(tenantId, media.TenantId);
        Assert.Equal(MediaKind.Audio, media.Kind);
        Assert.Equal("audio/mpeg", media.MimeType);
        Assert.Equal("My Song.mp3", media.Name);
        Assert.Equal(MediaState.Uploaded, media.State);
        Assert.Equal(StorageArea.Temporary, media.Area);
        Assert.Equal(bytes.Length, media.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), media.Sha256);
        Assert.Equal(Now.UtcDateTime, media.CreatedAt);
        Assert.Equal(Now.UtcDateTime, media.UploadedAt);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(_store.PathOf(BlobKey.Original(StorageArea.Temporary, tenantId, media.Id))));
        Assert.Single(_store.StoredFiles);
        Assert.Empty(_store.StagedFiles);
    }

    [Fact]
    public async Task Ingest_stores_into_the_requested_area()
    {
        var tenantId = Guid.NewGuid();
        await using var content = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 64));
        var request = new IngestRequest(tenantId, content, "a.mp3", StorageArea.Permanent, new HashSet<MediaKind> { MediaKind.Audio });

        var result = await Ingestor().IngestAsync(request, CancellationToken.None);

        Assert.Equal(StorageArea.Permanent, result.Media!.Area);
        Assert.True(File.Exists(_store.PathOf(BlobKey.Original(StorageArea.Permanent, tenantId, result.Media.Id))));
    }

    [Fact]
    public async Task Ingest_sniffs_the_header_assembled_across_one_byte_reads()
    {
        var bytes = Bytes(PrefixSniffer.AudioPrefix, 50);
        await using var content = new ScriptedReadStream(bytes, chunkSize: 1);

        var result = await Ingestor().IngestAsync(Request(content), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(bytes[..8], _sniffer.LastHeader);
        Assert.Equal(50, result.Media!.Size);
    }

    [Fact]
    public async Task Ingest_sniffs_content_shorter_than_the_header()
    {
        await using var content = new MemoryStream(Encoding.ASCII.GetBytes(PrefixSniffer.AudioPrefix));

        var result = await Ingestor().IngestAsync(Request(content), CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(5, _sniffer.LastHeader!.Length);
    }

    [Fact]
    public async Task Ingest_gives_each_stored_media_its_own_id()
    {
        await using var first = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 20));
        await using var second = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 20));

        var a = await Ingestor().IngestAsync(Request(first), CancellationToken.None);
        var b = await Ingestor().IngestAsync(Request(second), CancellationToken.None);

        Assert.NotEqual(a.Media!.Id, b.Media!.Id);
        Assert.Equal(2, _store.StoredFiles.Count());
    }

    [Fact]
    public async Task Ingest_propagates_a_failing_stream_and_leaves_nothing()
    {
        var bytes = Bytes(PrefixSniffer.AudioPrefix, 4096);
        await using var content = new ScriptedReadStream(bytes, chunkSize: 1024, beforeRead: served =>
        {
            if (served >= 2048)
            {
                throw new IOException("connection reset");
            }
        });

        var error = await Assert.ThrowsAsync<IOException>(() => Ingestor().IngestAsync(Request(content), CancellationToken.None));

        Assert.Equal("connection reset", error.Message);
        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_throws_when_already_cancelled_and_leaves_nothing()
    {
        await using var content = new MemoryStream(Bytes(PrefixSniffer.AudioPrefix, 100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Ingestor().IngestAsync(Request(content), new CancellationToken(canceled: true)));

        AssertNothingLeft();
    }

    [Fact]
    public async Task Ingest_throws_when_cancelled_mid_stream_and_leaves_nothing()
    {
        using var cancellation = new CancellationTokenSource();
        var bytes = Bytes(PrefixSniffer.AudioPrefix, 4096);
        await using var content = new ScriptedReadStream(bytes, chunkSize: 1024, beforeRead: served =>
        {
            if (served >= 2048)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ingestor().IngestAsync(Request(content), cancellation.Token));

        AssertNothingLeft();
    }

    private MediaIngestor Ingestor(long maxFileBytes = 100 * 1024 * 1024) =>
        new(_store, _store, _sniffer, _probe, Options.Create(new MediaOptions { MaxFileBytes = maxFileBytes }), new FixedTimeProvider(Now));

    private static IngestRequest Request(Stream content, long? maxBytes = null, MediaKind[]? allowed = null) =>
        new(Guid.NewGuid(), content, "song.mp3", StorageArea.Temporary, (allowed ?? Enum.GetValues<MediaKind>()).ToHashSet(), maxBytes);

    private static byte[] Bytes(string prefix, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)(i * 7 + 3);
        }

        Encoding.ASCII.GetBytes(prefix).CopyTo(bytes, 0);
        return bytes;
    }

    private void AssertNothingLeft()
    {
        Assert.Empty(_store.StagedFiles);
        Assert.Empty(_store.StoredFiles);
    }
}
