using System.Security.Cryptography;
using MediaVault.Core.Media;
using MediaVault.Core.Storage;

namespace MediaVault.Storage.Tests;

/// <summary>
/// What every <see cref="IBlobStore"/> must do. A backend's test class derives from this and only says how to make
/// a store; each test uses its own tenant, so backends that share a bucket between tests stay independent.
/// </summary>
public abstract class BlobStoreContractTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private IBlobStore? _store;

    protected IBlobStore Store => _store ??= CreateStore();

    protected abstract IBlobStore CreateStore();

    [Fact]
    public async Task Upload_then_read_returns_the_exact_bytes()
    {
        var key = NewOriginal();
        var bytes = PatternStream.Bytes(100_003);

        var size = await UploadAsync(key, bytes);

        Assert.Equal(bytes.Length, size);
        Assert.Equal(bytes, await ReadAsync(key));
    }

    [Fact]
    public async Task Upload_of_an_empty_stream_stores_an_empty_object()
    {
        var key = NewOriginal();

        Assert.Equal(0, await UploadAsync(key, []));

        Assert.Equal(0, (await Store.GetInfoAsync(key, CancellationToken.None))!.Size);
        Assert.Empty(await ReadAsync(key));
    }

    [Fact]
    public async Task GetInfo_reports_the_key_size_and_a_recent_modification_time()
    {
        var key = NewOriginal();
        await UploadAsync(key, PatternStream.Bytes(4321));

        var info = await Store.GetInfoAsync(key, CancellationToken.None);

        Assert.NotNull(info);
        Assert.Equal(key, info.Key);
        Assert.Equal(4321, info.Size);
        Assert.InRange(info.LastModified, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
    }

    [Theory]
    [InlineData(0, 0L, 0, 1)]
    [InlineData(999, 999L, 999, 1)]
    [InlineData(100, 199L, 100, 100)]
    [InlineData(0, 999L, 0, 1000)]
    [InlineData(250, null, 250, 750)]
    [InlineData(990, 5000L, 990, 10)]
    public async Task Read_with_a_range_returns_only_those_bytes(long from, long? to, int expectedStart, int expectedLength)
    {
        var key = NewOriginal();
        var bytes = PatternStream.Bytes(1000);
        await UploadAsync(key, bytes);

        var read = await ReadAsync(key, new BlobRange(from, to));

        Assert.Equal(bytes.AsSpan(expectedStart, expectedLength).ToArray(), read);
    }

    [Theory]
    [InlineData(1000, 1000, null)]
    [InlineData(1000, 1500, 2000L)]
    [InlineData(1000, 500, 499L)]
    [InlineData(0, 0, null)]
    [InlineData(0, 0, 0L)]
    public async Task Read_with_a_range_outside_the_object_returns_nothing(int size, long from, long? to)
    {
        var key = NewOriginal();
        await UploadAsync(key, PatternStream.Bytes(size));

        Assert.Empty(await ReadAsync(key, new BlobRange(from, to)));
    }

    [Fact]
    public async Task Upload_to_an_existing_key_replaces_the_object()
    {
        var key = NewOriginal();
        await UploadAsync(key, PatternStream.Bytes(5000));
        var replacement = PatternStream.Bytes(10, seed: 7);

        await UploadAsync(key, replacement);

        Assert.Equal(replacement, await ReadAsync(key));
        Assert.Equal(10, (await Store.GetInfoAsync(key, CancellationToken.None))!.Size);
    }

    [Fact]
    public async Task A_missing_object_cannot_be_read_has_no_info_and_is_not_deleted()
    {
        var key = NewOriginal();

        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.OpenReadAsync(key, null, CancellationToken.None));
        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.OpenReadAsync(key, new BlobRange(0, 10), CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(key, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_the_object_and_reports_it()
    {
        var key = NewOriginal();
        await UploadAsync(key, PatternStream.Bytes(10));

        Assert.True(await Store.DeleteAsync(key, CancellationToken.None));

        Assert.Null(await Store.GetInfoAsync(key, CancellationToken.None));
        Assert.False(await Store.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Copy_leaves_both_objects_with_the_same_bytes()
    {
        var source = NewOriginal();
        var target = source.InArea(StorageArea.Permanent);
        var bytes = PatternStream.Bytes(70_000);
        await UploadAsync(source, bytes);

        await Store.CopyAsync(source, target, CancellationToken.None);

        Assert.Equal(bytes, await ReadAsync(source));
        Assert.Equal(bytes, await ReadAsync(target));
    }

    [Fact]
    public async Task Copy_replaces_an_existing_target()
    {
        var source = NewOriginal();
        var target = source.InArea(StorageArea.Permanent);
        var bytes = PatternStream.Bytes(100, seed: 3);
        await UploadAsync(source, bytes);
        await UploadAsync(target, PatternStream.Bytes(5000));

        await Store.CopyAsync(source, target, CancellationToken.None);

        Assert.Equal(bytes, await ReadAsync(target));
    }

    [Fact]
    public async Task Copy_of_a_missing_object_throws_not_found_and_creates_nothing()
    {
        var source = NewOriginal();
        var target = source.InArea(StorageArea.Permanent);

        await Assert.ThrowsAsync<BlobNotFoundException>(() => Store.CopyAsync(source, target, CancellationToken.None));

        Assert.Null(await Store.GetInfoAsync(target, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteMedia_removes_the_original_and_renditions_of_one_media_in_one_area()
    {
        var tenant = Guid.NewGuid();
        var mediaId = MediaId.New();
        var original = BlobKey.Original(StorageArea.Temporary, tenant, mediaId);
        var thumb = BlobKey.Rendition(StorageArea.Temporary, tenant, mediaId, "thumb-256.webp");
        var waveform = BlobKey.Rendition(StorageArea.Temporary, tenant, mediaId, "waveform.json");
        BlobKey[] survivors =
        [
            original.InArea(StorageArea.Permanent),
            thumb.InArea(StorageArea.Permanent),
            BlobKey.Original(StorageArea.Temporary, tenant, mediaId + "0"),
            BlobKey.Original(StorageArea.Temporary, tenant, MediaId.New()),
            BlobKey.Original(StorageArea.Temporary, Guid.NewGuid(), mediaId),
        ];
        foreach (var key in survivors.Append(original).Append(thumb).Append(waveform))
        {
            await UploadAsync(key, PatternStream.Bytes(10));
        }

        var removed = await Store.DeleteMediaAsync(StorageArea.Temporary, tenant, mediaId, CancellationToken.None);

        Assert.Equal(3, removed);
        Assert.Null(await Store.GetInfoAsync(original, CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(thumb, CancellationToken.None));
        Assert.Null(await Store.GetInfoAsync(waveform, CancellationToken.None));
        foreach (var key in survivors)
        {
            Assert.NotNull(await Store.GetInfoAsync(key, CancellationToken.None));
        }
    }

    [Fact]
    public async Task DeleteMedia_of_a_media_with_no_objects_returns_zero()
    {
        Assert.Equal(0, await Store.DeleteMediaAsync(StorageArea.Temporary, Guid.NewGuid(), MediaId.New(), CancellationToken.None));
    }

    [Fact]
    public async Task List_yields_the_objects_of_one_area_with_their_sizes()
    {
        var original = NewOriginal();
        var rendition = BlobKey.Rendition(StorageArea.Temporary, original.TenantId, original.MediaId, "thumb-256.webp");
        await UploadAsync(original, PatternStream.Bytes(10));
        await UploadAsync(rendition, PatternStream.Bytes(20));
        await UploadAsync(original.InArea(StorageArea.Permanent), PatternStream.Bytes(30));

        var listed = await Store.ListAsync(StorageArea.Temporary, CancellationToken.None).Where(i => i.Key.TenantId == original.TenantId).ToListAsync();

        Assert.Equal([(original, 10L), (rendition, 20L)], listed.OrderBy(i => i.Size).Select(i => (i.Key, i.Size)));
        Assert.All(listed, i => Assert.InRange(i.LastModified, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5)));
    }

    [Theory]
    [InlineData(StorageArea.Temporary)]
    [InlineData(StorageArea.Permanent)]
    [InlineData(StorageArea.Uploads)]
    public async Task List_of_an_area_yields_only_that_area(StorageArea area)
    {
        var tenant = Guid.NewGuid();
        var mediaId = MediaId.New();
        var keys = new Dictionary<StorageArea, BlobKey>
        {
            [StorageArea.Temporary] = BlobKey.Original(StorageArea.Temporary, tenant, mediaId),
            [StorageArea.Permanent] = BlobKey.Original(StorageArea.Permanent, tenant, mediaId),
            [StorageArea.Uploads] = BlobKey.UploadPart(tenant, mediaId, 0),
        };
        foreach (var key in keys.Values)
        {
            await UploadAsync(key, PatternStream.Bytes(5));
        }

        var listed = await Store.ListAsync(area, CancellationToken.None).Where(i => i.Key.TenantId == tenant).Select(i => i.Key).ToListAsync();

        Assert.Equal([keys[area]], listed);
    }

    [Fact]
    public async Task ImportFile_moves_a_staged_file_into_the_store()
    {
        var key = NewOriginal();
        var bytes = PatternStream.Bytes(12_345);
        var local = await WriteStagedFileAsync(bytes);

        await Store.ImportFileAsync(key, local, CancellationToken.None);

        Assert.False(File.Exists(local));
        Assert.Equal(bytes, await ReadAsync(key));
    }

    [Fact]
    public async Task ImportFile_replaces_an_existing_object()
    {
        var key = NewOriginal();
        await UploadAsync(key, PatternStream.Bytes(5000));
        var bytes = PatternStream.Bytes(20, seed: 9);
        var local = await WriteStagedFileAsync(bytes);

        await Store.ImportFileAsync(key, local, CancellationToken.None);

        Assert.False(File.Exists(local));
        Assert.Equal(bytes, await ReadAsync(key));
    }

    [Fact]
    public async Task ImportFile_that_is_cancelled_still_removes_the_local_file()
    {
        var key = NewOriginal();
        var local = await WriteStagedFileAsync(PatternStream.Bytes(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ImportFileAsync(key, local, new CancellationToken(canceled: true)));

        Assert.False(File.Exists(local));
        Assert.Null(await Store.GetInfoAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelled_upload_leaves_no_object_and_nothing_staged()
    {
        var key = NewOriginal();
        using var cancellation = new CancellationTokenSource();
        await using var content = new PatternStream(1024 * 1024, beforeRead: served =>
        {
            if (served >= 256 * 1024)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.UploadAsync(key, content, cancellation.Token));

        Assert.Null(await Store.GetInfoAsync(key, CancellationToken.None));
        AssertNothingStaged();
    }

    [Fact]
    public async Task Cancelled_overwrite_keeps_the_previous_object()
    {
        var key = NewOriginal();
        var previous = PatternStream.Bytes(1000, seed: 5);
        await UploadAsync(key, previous);
        using var cancellation = new CancellationTokenSource();
        await using var content = new PatternStream(1024 * 1024, beforeRead: served =>
        {
            if (served >= 256 * 1024)
            {
                cancellation.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.UploadAsync(key, content, cancellation.Token));

        Assert.Equal(previous, await ReadAsync(key));
        AssertNothingStaged();
    }

    [Fact]
    public async Task An_object_is_not_visible_until_its_upload_completes()
    {
        var key = NewOriginal();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var resume = new ManualResetEventSlim();
        await using var content = new PatternStream(1024 * 1024, beforeRead: served =>
        {
            if (served >= 512 * 1024 && !halfway.Task.IsCompleted)
            {
                halfway.SetResult();
                resume.Wait(Patience);
            }
        });

        var upload = Task.Run(() => Store.UploadAsync(key, content, CancellationToken.None));
        await halfway.Task.WaitAsync(Patience);
        var infoDuringUpload = await Store.GetInfoAsync(key, CancellationToken.None);
        resume.Set();
        await upload;

        Assert.Null(infoDuringUpload);
        Assert.Equal(1024 * 1024, (await Store.GetInfoAsync(key, CancellationToken.None))!.Size);
        await using var expected = new PatternStream(1024 * 1024);
        await using var stored = await Store.OpenReadAsync(key, null, CancellationToken.None);
        Assert.Equal(await SHA256.HashDataAsync(expected), await SHA256.HashDataAsync(stored));
    }

    [Fact]
    public async Task Uploading_20_megabytes_stores_every_byte()
    {
        const long length = 20L * 1024 * 1024;
        var key = NewOriginal();
        await using var content = new PatternStream(length);

        Assert.Equal(length, await Store.UploadAsync(key, content, CancellationToken.None));

        Assert.Equal(length, (await Store.GetInfoAsync(key, CancellationToken.None))!.Size);
        await using var expected = new PatternStream(length);
        await using var stored = await Store.OpenReadAsync(key, null, CancellationToken.None);
        Assert.Equal(await SHA256.HashDataAsync(expected), await SHA256.HashDataAsync(stored));
    }

    [Fact]
    public async Task Concurrent_uploads_to_one_key_leave_one_complete_object()
    {
        var key = NewOriginal();
        var first = PatternStream.Bytes(300_000, seed: 1);
        var second = PatternStream.Bytes(200_000, seed: 2);

        await Task.WhenAll(Task.Run(() => UploadAsync(key, first)), Task.Run(() => UploadAsync(key, second)));

        var stored = await ReadAsync(key);
        Assert.True(stored.AsSpan().SequenceEqual(first) || stored.AsSpan().SequenceEqual(second), "the object is a mix of both uploads");
        AssertNothingStaged();
    }

    [Fact]
    public async Task Keys_may_use_every_character_allowed_in_media_ids_and_rendition_names()
    {
        var tenant = Guid.NewGuid();
        const string mediaId = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var original = BlobKey.Original(StorageArea.Temporary, tenant, mediaId);
        var rendition = BlobKey.Rendition(StorageArea.Temporary, tenant, mediaId, "abcdefghijklmnopqrstuvwxyz0123456789._-");
        var originalBytes = PatternStream.Bytes(100, seed: 1);
        var renditionBytes = PatternStream.Bytes(100, seed: 2);

        await UploadAsync(original, originalBytes);
        await UploadAsync(rendition, renditionBytes);

        Assert.Equal(originalBytes, await ReadAsync(original));
        Assert.Equal(renditionBytes, await ReadAsync(rendition));
        Assert.Equal(2, await Store.DeleteMediaAsync(StorageArea.Temporary, tenant, mediaId, CancellationToken.None));
    }

    [Fact]
    public async Task Media_ids_that_differ_only_in_case_are_different_objects()
    {
        var tenant = Guid.NewGuid();
        var lower = BlobKey.Original(StorageArea.Temporary, tenant, "case-media");
        var upper = BlobKey.Original(StorageArea.Temporary, tenant, "CASE-MEDIA");
        var lowerBytes = PatternStream.Bytes(10, seed: 1);
        var upperBytes = PatternStream.Bytes(20, seed: 2);

        await UploadAsync(lower, lowerBytes);
        await UploadAsync(upper, upperBytes);

        Assert.Equal(lowerBytes, await ReadAsync(lower));
        Assert.Equal(upperBytes, await ReadAsync(upper));
    }

    protected static BlobKey NewOriginal(StorageArea area = StorageArea.Temporary) => BlobKey.Original(area, Guid.NewGuid(), MediaId.New());

    protected async Task<long> UploadAsync(BlobKey key, byte[] bytes)
    {
        await using var content = new MemoryStream(bytes);
        return await Store.UploadAsync(key, content, CancellationToken.None);
    }

    protected async Task<byte[]> ReadAsync(BlobKey key, BlobRange? range = null)
    {
        await using var stream = await Store.OpenReadAsync(key, range, CancellationToken.None);
        await using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>A local folder the caller stages files in before importing them (the registration's staging area in production).</summary>
    protected abstract string StagingFolder { get; }

    private async Task<string> WriteStagedFileAsync(byte[] bytes)
    {
        Directory.CreateDirectory(StagingFolder);
        var path = Path.Combine(StagingFolder, Guid.NewGuid().ToString("N") + ".part");
        await File.WriteAllBytesAsync(path, bytes);
        return path;
    }

    private void AssertNothingStaged()
    {
        if (Directory.Exists(StagingFolder))
        {
            Assert.Empty(Directory.EnumerateFileSystemEntries(StagingFolder));
        }
    }
}
