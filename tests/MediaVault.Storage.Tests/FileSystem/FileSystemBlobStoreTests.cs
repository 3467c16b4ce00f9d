using MediaVault.Core.Storage;
using MediaVault.Storage.FileSystem;
using Microsoft.Extensions.Options;

namespace MediaVault.Storage.Tests.FileSystem;

public sealed class FileSystemBlobStoreTests : BlobStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mediavault-blobs-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    protected override IBlobStore CreateStore() =>
        new FileSystemBlobStore(Options.Create(new FileSystemStorageOptions { RootPath = _root }));

    [Fact]
    public async Task TryGetLocalPath_returns_the_stored_file_under_the_root()
    {
        var key = NewOriginal();
        var bytes = PatternStream.Bytes(777);
        await UploadAsync(key, bytes);

        var path = Store.TryGetLocalPath(key);

        Assert.NotNull(path);
        Assert.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public void TryGetLocalPath_returns_null_for_a_missing_object()
    {
        Assert.Null(Store.TryGetLocalPath(NewOriginal()));
    }

    [Fact]
    public void Staging_directory_is_inside_the_root_so_imports_are_renames()
    {
        Assert.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, Store.StagingDirectory, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Store.StagingDirectory));
    }

    [Fact]
    public async Task A_new_store_over_the_same_root_sees_stored_objects()
    {
        var key = NewOriginal();
        var bytes = PatternStream.Bytes(50);
        await UploadAsync(key, bytes);

        var reopened = CreateStore();

        await using var stream = await reopened.OpenReadAsync(key, null, CancellationToken.None);
        await using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }
}
