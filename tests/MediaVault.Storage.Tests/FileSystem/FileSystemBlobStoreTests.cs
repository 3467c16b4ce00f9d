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

    protected override string StagingFolder => Path.Combine(Path.GetFullPath(_root), ".staging");

    protected override IBlobStore CreateStore() =>
        new FileSystemBlobStore(Options.Create(new FileSystemStorageOptions { RootPath = _root }));

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
